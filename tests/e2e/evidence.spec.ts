// Evidence end to end in Chromium: an Admin OPD uploads a PDF through the resumable
// uploader and sees it in the library; a file whose content lies about its extension is
// refused with a clear message; the Asesor downloads the PDF with safe headers; an Admin
// OPD of another agency cannot fetch it by URL. Both agencies are this spec's own.
import { fill } from "@/lib/i18n/format";
import { evidence } from "@/lib/i18n/id/evidence";
import { expect, test, type Agency } from "./fixtures";

const TITLE = "Perbup SPBE 2024";
const FILE_NAME = `${TITLE}.pdf`;
// Large enough for the progress bar to move.
const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"), Buffer.alloc(3 * 1024 * 1024, 0x20), Buffer.from("\nstartxref\n9\n%%EOF\n")]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("bukan pdf")]);

test.describe.configure({ mode: "serial" });

let downloadPath = "";
let agency: Agency;
let otherAgency: Agency;

test.beforeAll(async ({ agencies }) => {
  agency = await agencies.create({ label: "evidence" });
  otherAgency = await agencies.create({ template: "kota-tirtamulya", label: "evidence" });
});

test("an Admin OPD uploads a PDF with a progress bar and finds it in the library", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await agency.signIn(page, "opd.diskominfo");
  await page.goto("/bukti");
  await page.getByLabel(evidence.uploader.documentType).selectOption("PERATURAN");
  await page.locator('input[type="file"]').setInputFiles({ name: FILE_NAME, mimeType: "application/pdf", buffer: PDF });

  const upload = page.getByTestId(`unggahan-${FILE_NAME}`);
  await expect(upload.getByRole("progressbar", { name: fill(evidence.uploader.progressLabel, { name: FILE_NAME }) })).toBeVisible();
  await expect(upload).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(upload.getByRole("status")).toHaveText(fill(evidence.uploaded, { title: TITLE }));
  await expect(upload).toContainText("100%");

  const card = page.locator("li[data-testid^='bukti-']", { hasText: TITLE });
  await expect(card).toBeVisible();
  await expect(card).toContainText(evidence.documentTypes.PERATURAN!);
  downloadPath = (await card.getByRole("link", { name: evidence.download }).getAttribute("href"))!;
  expect(downloadPath).toMatch(/^\/bukti\/c[a-z0-9]{24}\/unduh$/);
  expect(violations).toEqual([]);
});

test("a file whose content does not match its extension is refused with a clear message", async ({ page }) => {
  await agency.signIn(page, "opd.diskominfo");
  await page.goto("/bukti");
  await page.locator('input[type="file"]').setInputFiles({ name: "laporan-palsu.pdf", mimeType: "application/pdf", buffer: PNG });
  const upload = page.getByTestId("unggahan-laporan-palsu.pdf");
  await expect(upload).toHaveAttribute("data-status", "failed");
  await expect(upload.getByRole("alert")).toHaveText(fill(evidence.refused.mismatch, { name: "laporan-palsu.pdf", actual: "PNG" }));
  await page.reload();
  await expect(page.getByText("laporan-palsu")).toHaveCount(0);
});

test("the Asesor downloads it with the safe headers, and may preview it", async ({ page }) => {
  await agency.signIn(page, "asesor");
  await page.goto("/bukti");
  await expect(page.locator("li[data-testid^='bukti-']", { hasText: TITLE })).toBeVisible();

  const response = await page.request.get(downloadPath);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-type"]).toBe("application/pdf");
  expect(headers["content-disposition"]).toBe(`attachment; filename="${FILE_NAME}"; filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toContain("sandbox");
  expect(Buffer.from(await response.body()).equals(PDF)).toBe(true);

  const preview = await page.request.get(`${downloadPath}?pratinjau=1`);
  expect(preview.headers()["content-disposition"]).toMatch(/^inline;/);
});

test("an Admin OPD of another agency cannot fetch it by URL, nor see it", async ({ page }) => {
  await otherAgency.signIn(page, "opd.diskominfo");
  const response = await page.request.get(downloadPath);
  expect(response.status()).toBe(404);
  expect((await response.body()).includes(Buffer.from("%PDF"))).toBe(false);
  await page.goto("/bukti");
  await expect(page.getByTestId("jumlah-bukti")).toBeVisible();
  await expect(page.getByText(TITLE)).toHaveCount(0);
});
