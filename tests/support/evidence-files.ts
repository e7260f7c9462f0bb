// Small real files of every accepted type (and some impostors), built in memory for the
// evidence tests: a minimal ZIP writer makes the office documents.
import zlib from "node:zlib";

/** `claimedSize`: the uncompressed size the headers state, when it should lie. */
type ZipEntryInput = { name: string; data: Buffer | string; deflate?: boolean; claimedSize?: number };

/** A ZIP archive with the given entries (stored, or deflated when asked), as office suites write them. */
export function buildZip(entries: ZipEntryInput[], comment = ""): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data);
    const stored = entry.deflate ? zlib.deflateRawSync(data) : data;
    const name = Buffer.from(entry.name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(entry.claimedSize ?? data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(entry.claimedSize ?? data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, stored);
    centrals.push(central, name);
    offset += local.length + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([...locals, directory, end, Buffer.from(comment)]);
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

export const samples = {
  /** A PDF with its header at offset 0 and its trailer at the end, `padding` bytes of body in between. */
  pdf: (text = "uji", padding = 0) =>
    Buffer.concat([
      Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n`),
      Buffer.alloc(padding, 0x20),
      Buffer.from("\ntrailer << /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"),
    ]),
  png: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("0000IHDR-uji")]),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("JFIF-uji")]),
  webp: () => Buffer.concat([Buffer.from("RIFF"), Buffer.from([0x10, 0, 0, 0]), Buffer.from("WEBPVP8 uji")]),
  mp4: () => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom"), Buffer.alloc(12)]),
  docx: () => buildZip([{ name: "[Content_Types].xml", data: CONTENT_TYPES, deflate: true }, { name: "word/document.xml", data: "<w:document/>", deflate: true }]),
  xlsx: () => buildZip([{ name: "[Content_Types].xml", data: CONTENT_TYPES, deflate: true }, { name: "xl/workbook.xml", data: "<workbook/>", deflate: true }]),
  pptx: () => buildZip([{ name: "[Content_Types].xml", data: CONTENT_TYPES, deflate: true }, { name: "ppt/presentation.xml", data: "<p:presentation/>", deflate: true }]),
  odt: () => buildZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.text" }, { name: "content.xml", data: "<office:document-content/>", deflate: true }]),
  ods: () => buildZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet" }, { name: "content.xml", data: "<office:document-content/>", deflate: true }]),
  /** A DOCX-shaped zip bomb: 20 MiB of zeros squeezed into a few KiB. */
  zipBombDocx: () =>
    buildZip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES, deflate: true },
      { name: "word/document.xml", data: Buffer.alloc(20 * 1024 * 1024), deflate: true },
    ]),
  /** The pentest's DOCX: its directory says 1,000 bytes for an entry that inflates to 100 MiB. */
  lyingZipBombDocx: () =>
    buildZip([
      { name: "[Content_Types].xml", data: CONTENT_TYPES, deflate: true },
      { name: "word/document.xml", data: Buffer.alloc(100 * 1024 * 1024), deflate: true, claimedSize: 1000 },
    ]),
};
