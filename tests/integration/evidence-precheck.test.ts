// Evidence pre-checks on real PDFs made in the test: the upload queues a text scan and
// returns without waiting for it; the scan queue reads the text in a worker and stores what
// it found with the item; the warnings follow from that and the item's current data, so an
// edit of the metadata changes them at once and new content is scanned again.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeCommand } from "@/lib/command";
import { COMMANDS } from "@/lib/commands";
import { getStorage } from "@/lib/storage";
import { getFramework } from "@/lib/framework/catalog";
import { isIndicatorNode, type IndicatorNode } from "@/lib/framework/schema";
import { walkNodes } from "@/lib/framework/tree";
import { processTextScans, queueMissingTextScans, queueTextScan } from "@/lib/evidence/precheck/scan-queue";
import { maxAgeMonthsOf, precheckWarnings, type UseContext } from "@/lib/evidence/precheck/warnings";
import { TEXT_SCAN_SELECT } from "@/lib/evidence/library-query";
import { render } from "@/lib/i18n/render";
import type { Actor } from "@/lib/policy";
import { resetDatabase } from "./db-reset";
import { actorFor, createFixtures, requestContext, type Fixtures } from "./fixtures";
import { resetEvidenceFiles, uploadFile } from "./evidence-support";
import { imageOnlyPdf, noisePng, textPdf } from "../support/pdf-samples";
import { samples } from "../support/evidence-files";

let fixtures: Fixtures;
let owner: Actor;

beforeEach(async () => {
  await resetDatabase();
  resetEvidenceFiles();
  fixtures = await createFixtures();
  owner = await actorFor(fixtures, "ADMIN_OPD");
});

const PERBUP = [
  "BUPATI SUKAMAJU\nPERATURAN BUPATI SUKAMAJU\nNOMOR 12 TAHUN 2024\nTENTANG SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
  "Pasal 1\nDalam Peraturan Bupati ini yang dimaksud dengan SPBE adalah penyelenggaraan pemerintahan yang memanfaatkan teknologi informasi.",
  "Ditetapkan di Sukamaju\npada tanggal 5 Juni 2024\nBUPATI SUKAMAJU",
];

async function upload(name: string, bytes: Buffer, documentType = "PERATURAN") {
  const { response, evidence } = await uploadFile(owner, name, bytes, { documentType });
  expect(response.status).toBe(204);
  return evidence!.id;
}

async function itemOf(evidenceId: string) {
  const item = await db.evidence.findUniqueOrThrow({ where: { id: evidenceId }, include: { blob: { select: { mimeType: true } }, textScan: { select: TEXT_SCAN_SELECT } } });
  return { ...item, mimeType: item.blob?.mimeType ?? null };
}

const codes = async (evidenceId: string, use?: UseContext) => precheckWarnings(await itemOf(evidenceId), use).map((warning) => warning.code);

function pemdiIndicator(number: number): IndicatorNode {
  let found: IndicatorNode | undefined;
  walkNodes(getFramework("pemdi-2026")!.nodes, (node) => {
    if (isIndicatorNode(node) && node.number === number) found = node;
  });
  return found!;
}

describe("evidence pre-checks", () => {
  it("the upload only queues the scan; the queue finds the text layer, the number and the enactment date", async () => {
    const id = await upload("Perbup_12_2024.pdf", await textPdf(PERBUP));
    expect(await db.evidenceTextScan.findUniqueOrThrow({ where: { evidenceId: id } })).toMatchObject({ state: "PENDING" });
    expect(await codes(id)).toEqual(["scan_pending"]);

    expect(await processTextScans(db, getStorage())).toBe(1);
    const scan = await db.evidenceTextScan.findUniqueOrThrow({ where: { evidenceId: id } });
    expect(scan).toMatchObject({ state: "DONE", pageCount: 3, foundNumber: "12 TAHUN 2024", attempts: 1 });
    expect(scan.textChars).toBeGreaterThan(100);
    expect(scan.foundDates[0]).toBe("2024-06-05");
    // A peraturan with its number and date in the text needs nothing typed in.
    expect(await codes(id)).toEqual([]);
    expect(await processTextScans(db, getStorage())).toBe(0);
  });

  it("an image-only PDF is flagged as having no text layer, and a keputusan without number or date says so", async () => {
    const id = await upload("SK_Tim_pindaian.pdf", await imageOnlyPdf(2), "KEPUTUSAN");
    await processTextScans(db, getStorage());
    expect(await db.evidenceTextScan.findUniqueOrThrow({ where: { evidenceId: id } })).toMatchObject({ state: "DONE", pageCount: 2, textChars: 0 });
    const warnings = precheckWarnings(await itemOf(id));
    expect(warnings.map((warning) => warning.code)).toEqual(["no_text_layer", "number_missing", "date_missing"]);
    expect(warnings.map((warning) => render(warning.message))).toEqual([
      "PDF tanpa lapisan teks (2 halaman): hasil pindai yang tidak dapat dicari. Unggah PDF asli atau hasil OCR.",
      "Keputusan tanpa nomor: nomor dokumen tidak diisi dan tidak ditemukan pada teksnya. Draf tanpa nomor biasanya ditolak.",
      "Keputusan tanpa tanggal: tanggal penetapan tidak diisi dan tidak ditemukan pada teksnya.",
    ]);

    // Typing the number and date in the library clears those two at once, without a new scan.
    await executeCommand(db, COMMANDS.updateEvidence, owner, requestContext, { evidenceId: id, title: "SK Tim SPBE", documentType: "KEPUTUSAN", documentNo: "100/45/2025", enactedAt: "2025-02-03" });
    expect(await codes(id)).toEqual(["no_text_layer"]);
  });

  it("an IKASANDI result older than 12 months before the deadline is outdated for I10; a date after the deadline is flagged", async () => {
    const old = await upload("IKASANDI_2023.pdf", await textPdf(["LAPORAN HASIL PENGUKURAN IKASANDI\nNomor: 045/BSSN/2023", "Jakarta, tanggal 10 Maret 2023"]), "LAPORAN");
    const late = await upload("Notulen_rapat.pdf", await textPdf(["NOTULEN RAPAT TIM SPBE", "Sukamaju, tanggal 14 Oktober 2026"]), "NOTULEN");
    await processTextScans(db, getStorage());
    const deadline = new Date("2026-09-30T00:00:00Z");
    const i10 = pemdiIndicator(10);
    expect(maxAgeMonthsOf(i10)).toBe(12);
    expect(maxAgeMonthsOf(pemdiIndicator(1))).toBe(null);
    const use: UseContext = { deadline, reference: deadline, maxAgeMonths: maxAgeMonthsOf(i10), sameContentButir: [] };
    const outdated = precheckWarnings(await itemOf(old), use);
    expect(outdated.map((warning) => warning.code)).toEqual(["too_old"]);
    expect(render(outdated[0]!.message)).toBe("Dokumen bertanggal 2023-03-10, lebih lama dari 12 bulan sebelum 2026-09-30: butir ini meminta hasil yang lebih baru.");
    expect(await codes(old, { ...use, maxAgeMonths: null })).toEqual([]);
    expect(await codes(late, use)).toEqual(["after_deadline"]);
  });

  it("a screenshot without a source link is flagged until the link is entered", async () => {
    const { response, evidence } = await uploadFile(owner, "dasbor-layanan.png", noisePng(40, 30), { documentType: "TANGKAPAN_LAYAR" });
    expect(response.status).toBe(204);
    expect(await db.evidenceTextScan.count()).toBe(0);
    expect(await codes(evidence!.id)).toEqual(["screenshot_without_source"]);
    await executeCommand(db, COMMANDS.updateEvidence, owner, requestContext, { evidenceId: evidence!.id, title: "Dasbor layanan", documentType: "TANGKAPAN_LAYAR", sourceUrl: "https://layanan.sukamaju.go.id/dasbor" });
    expect(await codes(evidence!.id)).toEqual([]);
  });

  it("new content is scanned again; items from before the pre-checks are queued; a broken PDF fails after three attempts", async () => {
    const id = await upload("Perbup.pdf", await textPdf(PERBUP));
    await processTextScans(db, getStorage());
    // The same row pointed at other content (as when an item's file changes) is stale and scanned again.
    const other = await upload("Pindaian.pdf", await imageOnlyPdf(1), "LAINNYA");
    await processTextScans(db, getStorage());
    const otherBlob = (await db.evidence.findUniqueOrThrow({ where: { id: other }, include: { blob: true } })).blob!;
    await db.$transaction((tx) => queueTextScan(tx, id, otherBlob));
    await processTextScans(db, getStorage());
    expect(await db.evidenceTextScan.findUniqueOrThrow({ where: { evidenceId: id } })).toMatchObject({ state: "DONE", textChars: 0, sha256: otherBlob.sha256 });

    await db.evidenceTextScan.deleteMany();
    expect(await queueMissingTextScans(db)).toBe(2);
    expect(await processTextScans(db, getStorage())).toBe(2);

    const broken = await upload("rusak.pdf", samples.pdf("bukan PDF yang utuh"), "LAINNYA");
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await db.evidenceTextScan.updateMany({ where: { evidenceId: broken }, data: { queuedAt: new Date(0) } });
      await processTextScans(db, getStorage());
    }
    expect(await db.evidenceTextScan.findUniqueOrThrow({ where: { evidenceId: broken } })).toMatchObject({ state: "FAILED", attempts: 3 });
    expect(await codes(broken)).toEqual(["unreadable"]);
  });
});
