// Default owner units of an indicator, expressed as unit function tags (Unit.functions).
// Pure: the seed and the bulk-assignment screen both use it, and the Koordinator can
// always change the result; it only saves assigning 47 indicators by hand.
import type { UnitFunction } from "@/lib/validation/admin";

export interface DefaultAssignmentIndicator {
  readonly number: number;
  readonly name: string;
}

/** Units to fall back on when no unit carries any of the indicator's tags. */
export const FALLBACK_FUNCTIONS: readonly UnitFunction[] = ["tik"];

/**
 * Function tags of the units that should own `indicator` by default, most responsible
 * first. spbe-2020 (PermenPANRB 59/2020) is mapped by indicator number, refined by the
 * indicator's name; any other framework (pemdi-2026, imported revisions) by keywords in
 * the name, because its numbers mean something else.
 */
export function defaultOwnerFunctions(
  indicator: DefaultAssignmentIndicator,
  frameworkCode: string = "spbe-2020",
): UnitFunction[] {
  const functions = frameworkCode === "spbe-2020" ? spbe2020Functions(indicator) : functionsByName(indicator.name);
  return functions.length > 0 ? unique(functions) : [...FALLBACK_FUNCTIONS];
}

function spbe2020Functions({ number, name }: DefaultAssignmentIndicator): UnitFunction[] {
  const text = name.toLowerCase();
  // Domain 1: internal policies (peraturan kepala daerah), drafted by Bagian Organisasi with Diskominfo.
  if (number >= 1 && number <= 10) return ["organisasi", "tik"];
  // Aspect 2: strategic planning.
  if (number >= 11 && number <= 14) {
    const functions: UnitFunction[] = ["perencanaan"];
    if (/anggaran|belanja/.test(text)) functions.push("anggaran");
    if (/proses bisnis/.test(text)) functions.push("organisasi");
    return functions;
  }
  // Aspect 3: ICT (applications, data centre, network, service bus).
  if (number >= 15 && number <= 18) return ["tik"];
  // Aspect 4: the SPBE coordination team and collaboration.
  if (number >= 19 && number <= 20) return ["tik", "organisasi"];
  // Aspect 5: SPBE management, run by Diskominfo with the unit the topic belongs to.
  if (number >= 21 && number <= 28) {
    const functions: UnitFunction[] = ["tik"];
    if (/sumber daya manusia|kompetensi|pegawai/.test(text)) functions.push("sdm");
    if (/arsip|pengetahuan/.test(text)) functions.push("arsip");
    if (/aset/.test(text)) functions.push("aset");
    if (/perubahan/.test(text)) functions.push("organisasi");
    if (/layanan/.test(text)) functions.push("layanan");
    return functions;
  }
  // Aspect 6: ICT audits, carried out under the Inspektorat.
  if (number >= 29 && number <= 31) return ["audit"];
  // Aspect 7: government administration services, owned by the unit of the business area.
  if (number >= 32 && number <= 41) {
    const functions = functionsByName(name);
    return functions.length > 0 ? functions : ["tik", "organisasi"];
  }
  // Aspect 8: public services. Sektor 1-3 are chosen by the agency; the defaults follow
  // the usual choice of regional governments (licensing, civil registration, a Diskominfo service).
  if (number === 45) return ["perizinan", "layanan-publik"];
  if (number === 46) return ["kependudukan", "layanan-publik"];
  if (number === 47) return ["layanan", "tik"];
  if (number >= 42 && number <= 44) {
    const functions = functionsByName(name);
    return functions.length > 0 ? functions : ["layanan", "tik"];
  }
  return functionsByName(name);
}

// Checked in order; every matching rule contributes its tags. Word stems are used
// because regulation titles vary ("kepegawaian", "pegawai", "sumber daya manusia").
const NAME_RULES: readonly (readonly [RegExp, readonly UnitFunction[]])[] = [
  [/perencanaan|rencana/, ["perencanaan"]],
  [/penganggaran|anggaran|belanja/, ["anggaran"]],
  [/keuangan/, ["keuangan"]],
  [/pengadaan/, ["pengadaan"]],
  [/barang milik|aset/, ["aset"]],
  [/kepegawaian|pegawai|sumber daya manusia|kompetensi/, ["sdm"]],
  [/arsip|kearsipan/, ["arsip"]],
  [/pengawasan|audit/, ["audit"]],
  [/akuntabilitas|tata kelola|proses bisnis|kolaborasi/, ["organisasi"]],
  [/hukum|jdih|pelindungan data pribadi/, ["hukum"]],
  // Complaint handling (SP4N-LAPOR) and user support are run by Diskominfo, not by every
  // public-service unit, so these do not use the broad "layanan-publik" tag.
  [/pengaduan|kepuasan|pengguna/, ["layanan"]],
  [/data terbuka|statistik|geospasial|tata kelola data|interoperabilitas/, ["statistik", "tik"]],
  [/geospasial/, ["perencanaan"]],
  [/perizinan/, ["perizinan"]],
  [/kependudukan|pencatatan sipil/, ["kependudukan"]],
  [/aplikasi|infrastruktur|jaringan|pusat data|keamanan|kriptografi|insiden|siber|portal|integrasi|digital|teknologi|data pribadi/, ["tik"]],
];

function functionsByName(name: string): UnitFunction[] {
  const text = name.toLowerCase();
  return NAME_RULES.flatMap(([pattern, functions]) => (pattern.test(text) ? [...functions] : []));
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export interface AssignableUnit {
  readonly id: string;
  readonly functions: readonly string[];
  readonly isActive?: boolean;
}

/**
 * Ids of the active units carrying at least one of `functions`; when none does, the
 * units carrying a fallback tag (Diskominfo coordinates SPBE), so no indicator is left
 * without an owner while the instansi has a TIK unit.
 */
export function matchUnitsByFunctions(units: readonly AssignableUnit[], functions: readonly string[]): string[] {
  const active = units.filter((unit) => unit.isActive !== false);
  const pick = (tags: readonly string[]) =>
    active.filter((unit) => unit.functions.some((tag) => tags.includes(tag))).map((unit) => unit.id);
  const matched = pick(functions);
  return matched.length > 0 ? matched : pick(FALLBACK_FUNCTIONS);
}
