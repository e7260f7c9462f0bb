/**
 * Evidence pre-check benchmark (results in docs/benchmarks.md): the cost of reading a PDF's
 * text in the pre-checks' worker thread (lib/evidence/precheck/pdf-text.ts, unpdf) and of
 * finding its number and dates, per MB of PDF, for documents with a text layer and for
 * image-only scans, made here with pdfkit. The upload itself never waits for this: it runs
 * in the scan queue.
 *
 *   npx tsx scripts/bench-precheck.ts      (or: npm run bench:precheck)
 */
import { performance } from "node:perf_hooks";
import { readPdfText } from "@/lib/evidence/precheck/pdf-text";
import { findDocumentDates, findDocumentNumber } from "@/lib/evidence/precheck/document-facts";
import { imageOnlyPdf, noisePng, textPdf } from "../tests/support/pdf-samples";

const MB = 1024 * 1024;
const ROUNDS = 3;

const paragraph =
  "Pasal {n}\nDalam Peraturan Bupati ini yang dimaksud dengan Sistem Pemerintahan Berbasis Elektronik adalah penyelenggaraan pemerintahan yang memanfaatkan teknologi informasi dan komunikasi untuk memberikan layanan kepada Pengguna SPBE. ".repeat(6);

async function measure(label: string, pdf: Buffer) {
  const times: number[] = [];
  let pages = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    const text = await readPdfText(new Uint8Array(pdf));
    findDocumentNumber(text.edgeText);
    findDocumentDates(text.edgeText);
    times.push(performance.now() - started);
    pages = text.pageCount;
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
  const megabytes = pdf.length / MB;
  console.log(`| ${label} | ${pages} | ${megabytes.toFixed(1)} | ${median.toFixed(0)} | ${(median / megabytes).toFixed(0)} |`);
}

console.log("| PDF | pages | MB | median ms | ms per MB |");
console.log("|---|---:|---:|---:|---:|");
for (const pages of [50, 400]) {
  await measure(`text layer, ${pages} pages`, await textPdf(Array.from({ length: pages }, (_, n) => `PERATURAN BUPATI NOMOR ${n} TAHUN 2024\n${paragraph.replaceAll("{n}", String(n))}\nDitetapkan pada tanggal 5 Juni 2024`)));
}
for (const pages of [5, 20]) {
  await measure(`image only, ${pages} pages`, await imageOnlyPdf(pages, (page) => noisePng(600, 840, page + 1)));
}
