// Real PDFs made in the test with pdfkit: one with a text layer, one that is only a picture
// (what a scanner gives), for the evidence pre-checks and their benchmark.
import zlib from "node:zlib";
import PDFDocument from "pdfkit";

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

/** A grey RGB PNG with some noise, `width` x `height` pixels (noise keeps it from compressing to nothing). */
export function noisePng(width: number, height: number, seed = 7): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let state = seed;
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width * 3; x += 1) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      raw[row + 1 + x] = 160 + (state % 64);
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk("IHDR", header), pngChunk("IDAT", zlib.deflateSync(raw)), pngChunk("IEND", Buffer.alloc(0))]);
}

function render(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: true, compress: true, info: { CreationDate: new Date("2026-01-01T00:00:00Z") } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

/** A PDF with a text layer: each entry of `pages` is one page's text. */
export const textPdf = (pages: readonly string[]) =>
  render((doc) =>
    pages.forEach((text, index) => {
      if (index > 0) doc.addPage();
      doc.fontSize(12).text(text);
    }),
  );

/** A PDF whose pages are pictures only, as a scanner makes them: no text layer. */
export const imageOnlyPdf = (pages = 1, image: (page: number) => Buffer = (page) => noisePng(300, 400, page + 1)) =>
  render((doc) => {
    for (let index = 0; index < pages; index += 1) {
      if (index > 0) doc.addPage();
      doc.image(image(index), 50, 50, { width: 500 });
    }
  });
