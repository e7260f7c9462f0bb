// Reads the text of a PDF with unpdf (a maintained build of pdf.js) in a worker thread, so a
// 25 MB document never blocks the portal's event loop, and with a time and memory limit so
// a hostile file costs at most that. Only what the pre-checks need comes back: the page
// count, how much text there is, and the text of the first and last pages (where a
// regulation names its number and the date it was enacted).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

export type PdfText = {
  pageCount: number;
  /** Characters of text on all pages, whitespace excluded; 0 means no text layer (a scan). */
  textChars: number;
  /** The first two and the last two pages' text (fewer for short documents). */
  edgeText: string;
};

const EDGE_PAGES = 2;
const TIME_LIMIT_MS = 60_000;

// CommonJS evaluated in the worker; unpdf is loaded there by its file URL (it never enters
// the server bundle).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const { getDocumentProxy, extractText } = await import(workerData.module);
  const pdf = await getDocumentProxy(workerData.bytes);
  const { totalPages, text } = await extractText(pdf, { mergePages: false });
  const pages = Array.isArray(text) ? text : [text];
  const textChars = pages.reduce((sum, page) => sum + page.replace(/\\s+/g, "").length, 0);
  const edges = pages.length <= 2 * workerData.edgePages ? pages : [...pages.slice(0, workerData.edgePages), ...pages.slice(-workerData.edgePages)];
  parentPort.postMessage({ pageCount: totalPages, textChars, edgeText: edges.join("\\n") });
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;

const unpdfModule = () => pathToFileURL(path.join(process.cwd(), "node_modules", "unpdf", "dist", "index.mjs")).href;

export function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes, module: unpdfModule(), edgePages: EDGE_PAGES },
      transferList: [bytes.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error("pdf text extraction timed out"));
    }, TIME_LIMIT_MS);
    const finish = (action: () => void) => {
      clearTimeout(timer);
      void worker.terminate();
      action();
    };
    worker.once("message", (result: PdfText | { error: string }) =>
      finish(() => ("error" in result ? reject(new Error(result.error)) : resolve(result))),
    );
    worker.once("error", (error) => finish(() => reject(error)));
    worker.once("exit", (code) => finish(() => reject(new Error(`pdf text worker exited with ${code}`))));
  });
}
