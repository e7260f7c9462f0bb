// National SPBE averages published by KemenPANRB, for the comparison lines and columns of
// the dashboards. Copied from the evaluation reports (as summarised in the project's domain
// notes) so the portal needs no outside source at run time. 2018-2020 were measured under
// PermenPANRB 5/2018 (three domains, no Manajemen SPBE), hence the nulls.

export type NationalAverage = {
  year: number;
  index: string;
  domains: { kebijakan: string; tataKelola: string; manajemen: string | null; layanan: string };
  /** Agencies evaluated that year, where the report states it. */
  agencies: number | null;
};

export const NATIONAL_AVERAGES: readonly NationalAverage[] = [
  { year: 2018, index: "1.98", domains: { kebijakan: "1.75", tataKelola: "1.74", manajemen: null, layanan: "2.17" }, agencies: null },
  { year: 2019, index: "2.18", domains: { kebijakan: "1.95", tataKelola: "1.86", manajemen: null, layanan: "2.40" }, agencies: null },
  { year: 2020, index: "2.26", domains: { kebijakan: "2.07", tataKelola: "1.95", manajemen: null, layanan: "2.48" }, agencies: null },
  { year: 2021, index: "2.24", domains: { kebijakan: "2.21", tataKelola: "1.89", manajemen: "1.23", layanan: "2.81" }, agencies: 517 },
  { year: 2022, index: "2.34", domains: { kebijakan: "2.39", tataKelola: "1.85", manajemen: "1.32", layanan: "2.96" }, agencies: 554 },
  { year: 2023, index: "2.79", domains: { kebijakan: "2.94", tataKelola: "2.29", manajemen: "1.66", layanan: "3.47" }, agencies: 621 },
  { year: 2024, index: "3.12", domains: { kebijakan: "3.36", tataKelola: "2.62", manajemen: "1.86", layanan: "3.78" }, agencies: 615 },
];

/** The national average index of `year`, or null when no report is recorded for it. */
export function nationalAverageFor(year: number): string | null {
  return NATIONAL_AVERAGES.find((average) => average.year === year)?.index ?? null;
}

/** 2024 averages by kind of agency; ministries and agencies are reported together as "central". */
export const NATIONAL_AVERAGES_2024_BY_KIND = {
  year: 2024,
  byKind: { KEMENTERIAN: "3.71", LEMBAGA: "3.71", PROVINSI: "3.42", KOTA: "3.39", KABUPATEN: "2.97" },
} as const;
