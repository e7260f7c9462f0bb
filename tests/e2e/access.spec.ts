// The authorization matrix over HTTP: every role against every page and endpoint that
// shows agency data or administration. Allowed means 200 with the content; denied means
// a 404 page (or a 401/403 JSON error for the download), never the data. The commands
// behind every server action are walked role by role in tests/integration.
// The agency is this spec's own copy of the demo Kabupaten Sukamaju (one per worker).
import { type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, expect, SUPERADMIN_EMAIL, test, type Agency, type AgencyPerson } from "./fixtures";

type Who = "anonim" | "superadmin" | "koordinator" | "asesor" | "opd" | "pimpinan";

const PEOPLE: Record<Exclude<Who, "anonim" | "superadmin">, AgencyPerson> = {
  koordinator: "koordinator",
  asesor: "asesor",
  opd: "opd.diskominfo",
  pimpinan: "pimpinan",
};
let agency: Agency;
let otherAgency: Agency;
const emailOf = (who: Exclude<Who, "anonim">) => (who === "superadmin" ? SUPERADMIN_EMAIL : agency.email(PEOPLE[who]));

// path → who gets it; everyone else is refused. Written from the role table of the access issue.
const EVERYONE: Who[] = ["anonim", "superadmin", "koordinator", "asesor", "opd", "pimpinan"];
const AGENCY_ROLES: Who[] = ["koordinator", "asesor", "opd", "pimpinan"];

// "{period}" is the agency's 2025 period; indicator 1 belongs to its Diskominfo. "{asesor}" and
// "{agency}" are its Asesor's email and its code.
const MATRIX: { path: string; allowed: Who[]; marker: string }[] = [
  { path: "/api/v1/frameworks", allowed: EVERYONE, marker: "spbe-2020" },
  { path: "/api/v1/frameworks/spbe-2020", allowed: EVERYONE, marker: "Kebijakan Internal SPBE" },
  { path: "/api/health", allowed: EVERYONE, marker: "status" },
  { path: "/periode/{period}", allowed: AGENCY_ROLES, marker: "tahap-periode" },
  { path: "/periode/{period}/indikator", allowed: AGENCY_ROLES, marker: "jumlah-indikator" },
  { path: "/periode/{period}/indikator/1", allowed: AGENCY_ROLES, marker: "status-jawaban" },
  { path: "/periode/{period}/penugasan", allowed: ["koordinator"], marker: "penugasan-1" },
  { path: "/periode/{period}/eksternal", allowed: ["koordinator", "asesor", "pimpinan"], marker: "eksternal-1-SELF" },
  { path: "/periode/{period}/simulasi", allowed: ["koordinator", "asesor", "pimpinan"], marker: "sim-indeks-kini" },
  { path: "/periode/{period}/rekomendasi", allowed: AGENCY_ROLES, marker: "jumlah-rekomendasi" },
  { path: "/dasbor", allowed: ["superadmin", "koordinator", "asesor", "opd", "pimpinan"], marker: "peran-aktif" },
  { path: "/admin/unit", allowed: ["koordinator"], marker: "unit-diskominfo" },
  { path: "/admin/pengguna", allowed: ["koordinator"], marker: "pengguna-{asesor}" },
  { path: "/admin/audit", allowed: ["koordinator"], marker: "audit-baris" },
  { path: "/admin/instansi", allowed: ["superadmin"], marker: "instansi-{agency}" },
  { path: "/admin/audit/unduh", allowed: ["koordinator"], marker: "aktor_email" },
  { path: "/akun/kata-sandi", allowed: ["superadmin", "koordinator", "asesor", "opd", "pimpinan"], marker: "ganti-sandi" },
  { path: "/periode", allowed: ["koordinator", "asesor", "opd", "pimpinan"], marker: "periode-2025" },
  { path: "/bukti", allowed: ["koordinator", "asesor", "opd", "pimpinan"], marker: "jumlah-bukti" },
  // Reports list every unit's answers; an Admin OPD's worksheet holds their own unit's rows.
  { path: "/periode/{period}/laporan.pdf", allowed: ["koordinator", "asesor", "pimpinan"], marker: "%PDF-" },
  { path: "/periode/{period}/ekspor.xlsx", allowed: AGENCY_ROLES, marker: "[Content_Types].xml" },
  { path: "/periode/{period}/hasil.csv", allowed: ["koordinator", "asesor", "pimpinan"], marker: "type,code,number" },
  { path: "/periode/{period}/hasil.json", allowed: ["koordinator", "asesor", "pimpinan"], marker: "spbe-mandiri.results.v1" },
  { path: "/periode/{period}/impor", allowed: ["koordinator", "opd"], marker: "impor-jawaban" },
];

async function signInOver(request: APIRequestContext, email: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: DEMO_PASSWORD, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBeLessThan(400);
}

let periodId = "";

test.beforeAll(async ({ playwright, baseURL, agencies }) => {
  agency = await agencies.create({ label: "access" });
  otherAgency = await agencies.create({ template: "kota-tirtamulya", label: "access" });
  const request = await playwright.request.newContext({ baseURL });
  await signInOver(request, emailOf("koordinator"));
  const list = await (await request.get("/periode")).text();
  periodId = /data-testid="periode-2025"[\s\S]*?href="\/periode\/([a-z0-9]+)"/.exec(list)?.[1] ?? "";
  expect(periodId).toBe(agency.periodId);
  await request.dispose();
});

for (const who of ["anonim", "superadmin", ...Object.keys(PEOPLE)] as Who[]) {
  test(`${who}: sees exactly what the role allows`, async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    if (who !== "anonim") await signInOver(request, emailOf(who));
    // Soft: one wrong cell does not hide the rest of the row; the test still fails at the end.
    for (const entry of MATRIX) {
      const { allowed } = entry;
      const marker = entry.marker.replace("{asesor}", agency.email("asesor")).replace("{agency}", agency.code);
      const path = entry.path.replace("{period}", periodId);
      const response = await request.get(path, { maxRedirects: 0 });
      const body = await response.text();
      if (allowed.includes(who)) {
        expect.soft(response.status(), `${who} ${path}`).toBe(200);
        expect.soft(body, `${who} ${path}`).toContain(marker);
      } else {
        const expected = who === "anonim" ? [307, 401] : [403, 404];
        expect.soft(expected, `${who} ${path} → ${response.status()}`).toContain(response.status());
        expect.soft(body, `${who} ${path} leaks data`).not.toContain(marker);
      }
    }
    await request.dispose();
  });
}

test("another agency's Koordinator cannot see this agency's audit trail or people", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await signInOver(request, otherAgency.email("koordinator"));
  const people = await (await request.get("/admin/pengguna")).text();
  expect(people).toContain(otherAgency.email("asesor"));
  expect(people).not.toContain(agency.emailDomain);
  const csv = await (await request.get("/admin/audit/unduh")).text();
  expect(csv).not.toContain(agency.emailDomain);
  for (const path of ["", "/indikator", "/indikator/1", "/penugasan", "/eksternal", "/laporan.pdf", "/ekspor.xlsx", "/hasil.csv", "/hasil.json", "/impor", "/simulasi", "/rekomendasi"]) {
    const response = await request.get(`/periode/${periodId}${path}`, { maxRedirects: 0 });
    expect.soft(response.status(), `another agency's period${path}`).toBe(404);
  }
  await request.dispose();
});
