// File types by content: every accepted type is recognised from its bytes, impostors and
// zip bombs are refused, and storage keys never come from anything a person chose.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { classifyZip, extensionMatches, extensionOf, hasPdfTrailer, sniffHead, ZIP_LIMITS, type FileKind } from "@/lib/evidence/file-type";
import { inspectFile } from "@/lib/evidence/inspect-file";
import { findZipEnd, parseZipDirectory } from "@/lib/evidence/zip-directory";
import { titleFromFileName } from "@/lib/evidence/format";
import { assertValidKey, blobKey } from "@/lib/storage/blob-storage";
import { buildZip, samples } from "../support/evidence-files";

function classify(bytes: Buffer) {
  const sniffed = sniffHead(bytes.subarray(0, 4096));
  if (sniffed !== "zip") return sniffed;
  const end = findZipEnd(bytes.subarray(Math.max(0, bytes.length - 65557)), bytes.length);
  if (!end) return "malformed";
  const entries = parseZipDirectory(bytes.subarray(end.directoryOffset, end.directoryOffset + end.directorySize), end);
  if (!entries) return "malformed";
  const verdict = classifyZip(entries, bytes.subarray(0, 4096));
  return "kind" in verdict ? verdict.kind : verdict.refusal;
}

async function inspectBytes(bytes: Buffer, fileName: string) {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "inspect-"));
  const file = path.join(directory, "upload");
  try {
    await fs.writeFile(file, bytes);
    return await inspectFile(file, fileName, bytes.length);
  } finally {
    await fs.rm(directory, { recursive: true, force: true });
  }
}

describe("magic bytes", () => {
  const kinds: FileKind[] = ["pdf", "png", "jpeg", "webp", "mp4", "docx", "xlsx", "pptx", "odt", "ods"];
  for (const kind of kinds) {
    it(`recognises ${kind} by its content`, () => {
      expect(classify(samples[kind]())).toBe(kind);
    });
  }

  it("takes a PDF only with its header at offset 0 and its trailer at the end", async () => {
    // An HTML page with "%PDF-" in its first KiB, as the pentest sent it.
    const html = Buffer.from(`<html><!-- %PDF-1.4 --><script>alert(1)</script></html>\n${samples.pdf().toString("latin1")}`, "latin1");
    expect(sniffHead(html)).toBeNull();
    expect(sniffHead(Buffer.concat([Buffer.alloc(100, 0x20), samples.pdf()]))).toBeNull();
    expect(await inspectBytes(samples.pdf("besar", 8192), "laporan.pdf")).toEqual({ ok: true, kind: "pdf", mimeType: "application/pdf" });
    const noTrailer = Buffer.from("%PDF-1.4\n<html><script>alert(1)</script></html>\n");
    expect(await inspectBytes(noTrailer, "laporan.pdf")).toEqual({ ok: false, refusal: "malformed" });
    // The trailer must be the end of the file (a real PDF's, not one buried under an appended page).
    expect(await inspectBytes(Buffer.concat([samples.pdf(), Buffer.alloc(2048, 0x41)]), "laporan.pdf")).toEqual({ ok: false, refusal: "malformed" });
    expect(hasPdfTrailer(Buffer.from("startxref\r\n123\r\n%%EOF\r\n"), 1000)).toBe(true);
    expect(hasPdfTrailer(Buffer.from("startxref\n5000\n%%EOF\n"), 1000)).toBe(false);
    expect(hasPdfTrailer(Buffer.from("%%EOF\n"), 1000)).toBe(false);
  });

  it("refuses what is not one of the accepted types", () => {
    expect(sniffHead(Buffer.from("<html><script>alert(1)</script></html>"))).toBeNull();
    expect(sniffHead(Buffer.from("MZ\x90\x00 executable"))).toBeNull();
    expect(sniffHead(Buffer.alloc(0))).toBeNull();
    // QuickTime and HEIF share MP4's box format but are not MP4 video.
    expect(sniffHead(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypqt  ")]))).toBeNull();
    expect(sniffHead(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypheic")]))).toBeNull();
    // A RIFF that is not WebP (a WAV file).
    expect(sniffHead(Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WAVE")]))).toBeNull();
  });

  it("refuses a plain ZIP, an office-looking ZIP without its main part, and an ODF whose mimetype is compressed", () => {
    expect(classify(buildZip([{ name: "a.txt", data: "hai" }]))).toBe("unsupported");
    expect(classify(buildZip([{ name: "[Content_Types].xml", data: "<Types/>" }]))).toBe("unsupported");
    expect(classify(buildZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.text", deflate: true }]))).toBe("unsupported");
    expect(classify(buildZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.presentation" }]))).toBe("unsupported");
  });

  it("finds the ZIP directory behind an archive comment, and calls a truncated ZIP malformed", () => {
    expect(classify(buildZip([{ name: "[Content_Types].xml", data: "x" }, { name: "word/document.xml", data: "y" }], "dibuat oleh uji"))).toBe("docx");
    const docx = samples.docx();
    expect(classify(docx.subarray(0, docx.length - 10))).toBe("malformed");
  });
});

describe("zip bombs disguised as office documents", () => {
  it("refuses an extreme compression ratio (a real deflate bomb)", () => {
    expect(classify(samples.zipBombDocx())).toBe("zip_bomb");
  });

  it("refuses absurd entry counts and total sizes claimed by the directory", () => {
    const docx = [{ name: "[Content_Types].xml", compressedSize: 100, uncompressedSize: 300 }, { name: "word/document.xml", compressedSize: 100, uncompressedSize: 300 }];
    expect(classifyZip(docx, Buffer.alloc(0))).toEqual({ kind: "docx" });
    const many = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, index) => ({ name: `word/media/${index}.png`, compressedSize: 10, uncompressedSize: 10 }));
    expect(classifyZip([...docx, ...many], Buffer.alloc(0))).toEqual({ refusal: "zip_bomb" });
    const huge = Array.from({ length: 10 }, (_, index) => ({ name: `word/part${index}.xml`, compressedSize: 60 * 1024 * 1024, uncompressedSize: 60 * 1024 * 1024 }));
    expect(classifyZip([...docx, ...huge], Buffer.alloc(0))).toEqual({ refusal: "zip_bomb" });
  });

  it("inflates every entry instead of trusting the directory: a lying DOCX is refused, honest office files pass", async () => {
    const lying = samples.lyingZipBombDocx();
    expect(classify(lying)).toBe("docx"); // what the directory alone says
    expect(await inspectBytes(lying, "laporan.docx")).toEqual({ ok: false, refusal: "zip_bomb" });
    // A smaller lie within every ratio: more bytes than claimed is still a lie.
    const understated = buildZip([
      { name: "[Content_Types].xml", data: "<Types/>", deflate: true },
      { name: "word/document.xml", data: "<w:document>".repeat(500), deflate: true, claimedSize: 100 },
    ]);
    expect(await inspectBytes(understated, "laporan.docx")).toEqual({ ok: false, refusal: "zip_bomb" });
    const corrupt = samples.docx();
    corrupt.fill(0xff, 60, 80); // inside the first entry's deflated data
    expect(await inspectBytes(corrupt, "laporan.docx")).toEqual({ ok: false, refusal: "malformed" });
    for (const kind of ["docx", "xlsx", "pptx", "odt", "ods"] as const) {
      expect(await inspectBytes(samples[kind](), `berkas.${kind}`)).toMatchObject({ ok: true, kind });
    }
  });

  it("accepts the ordinary ratios of real documents", () => {
    const entries = [
      { name: "[Content_Types].xml", compressedSize: 400, uncompressedSize: 1500 },
      { name: "xl/workbook.xml", compressedSize: 200_000, uncompressedSize: 4_000_000 },
    ];
    expect(classifyZip(entries, Buffer.alloc(0))).toEqual({ kind: "xlsx" });
  });
});

describe("extensions", () => {
  it("compare case-insensitively and take only the last extension", () => {
    expect(extensionOf("Perbup 12-2024.PDF")).toBe("pdf");
    expect(extensionOf("laporan.pdf.exe")).toBe("exe");
    expect(extensionOf("README")).toBe("");
    expect(extensionOf(".pdf")).toBe("");
    expect(extensionMatches("jpeg", "foto.JPG")).toBe(true);
    expect(extensionMatches("pdf", "gambar.png")).toBe(false);
  });

  it("make a readable title from a file name", () => {
    expect(titleFromFileName("Perbup_SPBE_2024.pdf")).toBe("Perbup SPBE 2024");
    expect(titleFromFileName("a.pdf")).toBe("a.pdf");
    expect(titleFromFileName(`${"x".repeat(300)}.pdf`)).toHaveLength(200);
  });
});

describe("storage keys", () => {
  const sha = "a".repeat(64);

  it("derive from the instansi and the content hash only", () => {
    expect(blobKey("cinstansi123", sha)).toBe(`cinstansi123/aa/${sha}`);
  });

  it("refuse anything that could leave the storage root", () => {
    expect(() => blobKey("../etc", sha)).toThrow();
    expect(() => blobKey("a/b", sha)).toThrow();
    expect(() => blobKey("ok", "../../passwd")).toThrow();
    expect(() => blobKey("ok", "A".repeat(64))).toThrow();
    expect(() => assertValidKey(`ok/aa/${sha}/../../x`)).toThrow();
    expect(() => assertValidKey(`/ok/aa/${sha}`)).toThrow();
  });

  it("are always one safe relative path, whatever the input (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (instansiId, hash) => {
        let key: string;
        try {
          key = blobKey(instansiId, hash);
        } catch {
          return true;
        }
        assertValidKey(key);
        return !key.includes("..") && !key.startsWith("/") && key.split("/").length === 3;
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,30}$/), fc.stringMatching(/^[0-9a-f]{64}$/), (instansiId, hash) => blobKey(instansiId, hash).endsWith(hash)),
    );
  });
});
