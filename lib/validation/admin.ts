// The administration forms' input, shared by the browser (instant field errors) and the
// server actions (the check that counts). Messages come from the Bahasa Indonesia catalog.
import { TIME_ZONE_CODES, type AgencyTimeZone } from "@/lib/i18n/time-zone";
import { z } from "zod";
import { id, line, searchQuery } from "./primitives";
import { passwordProblem } from "./password-policy";
import { messageKey } from "@/lib/i18n/message";

/** Unit function tags (Unit.functions); the default indicator owners (lib/assessment/default-assignment.ts) are expressed in them. */
export const UNIT_FUNCTIONS = [
  "perencanaan", // Bappeda
  "anggaran", // BPKAD
  "keuangan", // BPKAD
  "aset", // BPKAD (barang milik daerah)
  "pengadaan", // Bagian Pengadaan Barang dan Jasa / UKPBJ
  "sdm", // BKPSDM
  "tik", // Diskominfo
  "layanan", // Diskominfo (manajemen layanan SPBE, pengaduan)
  "statistik", // Diskominfo (data, statistik sektoral)
  "audit", // Inspektorat
  "arsip", // Dinas Perpustakaan dan Kearsipan
  "organisasi", // Bagian Organisasi Setda
  "tata-kelola", // Bagian Organisasi Setda
  "hukum", // Bagian Hukum Setda (JDIH)
  "layanan-publik", // DPMPTSP, Disdukcapil, ...
  "perizinan", // DPMPTSP
  "kependudukan", // Disdukcapil
] as const;

export type UnitFunction = (typeof UNIT_FUNCTIONS)[number];


const flag = z.enum(["true", "false"]).transform((value) => value === "true");
const optionalText = (max: number, message: string) =>
  line()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => value || null);

export const INSTANSI_ROLES = ["KOORDINATOR", "ASESOR", "ADMIN_OPD", "PIMPINAN"] as const;
export const INSTANSI_KINDS = ["KEMENTERIAN", "LEMBAGA", "PROVINSI", "KABUPATEN", "KOTA"] as const;

const unitFields = {
  name: line().trim().min(3, messageKey("admin.units.nameInvalid")).max(200, messageKey("admin.units.nameInvalid")),
  shortName: optionalText(40, messageKey("admin.units.shortNameInvalid")),
  functions: z.array(z.enum(UNIT_FUNCTIONS)).max(UNIT_FUNCTIONS.length).default([]),
};

export const ZUnitCreate = z.object({
  code: line().trim().regex(/^[a-z0-9][a-z0-9-]{1,29}$/, messageKey("admin.units.codeInvalid")),
  ...unitFields,
});

export const ZUnitUpdate = z.object({ unitId: id, ...unitFields });

export const ZUnitSetActive = z.object({ unitId: id, active: flag });

const email = line().trim().toLowerCase().email(messageKey("admin.users.emailInvalid")).max(200, messageKey("admin.users.emailInvalid"));
const personName = line().trim().min(2, messageKey("admin.users.nameInvalid")).max(120, messageKey("admin.users.nameInvalid"));

const roleAndUnit = {
  role: z.enum(INSTANSI_ROLES, { error: messageKey("admin.users.roleInvalid") }),
  unitId: line()
    .trim()
    .max(40)
    .transform((value) => value || null)
    .default(null),
};

function checkRoleUnit(value: { role: string; unitId: string | null }, context: z.RefinementCtx) {
  if (value.role === "ADMIN_OPD" && !value.unitId) context.addIssue({ code: "custom", path: ["unitId"], message: messageKey("admin.users.unitRequired") });
  if (value.role !== "ADMIN_OPD" && value.unitId) context.addIssue({ code: "custom", path: ["unitId"], message: messageKey("admin.users.unitNotAllowed") });
}

export const ZUserCreate = z.object({ name: personName, email, ...roleAndUnit }).superRefine(checkRoleUnit);

export const ZMembershipAdd = z.object({ userId: id, ...roleAndUnit }).superRefine(checkRoleUnit);

export const ZMembershipRemove = z.object({ membershipId: id });

export const ZUserResetPassword = z.object({ userId: id });

export const ZUserSetActive = z.object({ userId: id, active: flag });

export const ZInstansiCreate = z.object({
  code: line().trim().regex(/^[a-z0-9][a-z0-9-]{2,39}$/, messageKey("admin.agencies.codeInvalid")),
  name: line().trim().min(3, messageKey("admin.agencies.nameInvalid")).max(200, messageKey("admin.agencies.nameInvalid")),
  kind: z.enum(INSTANSI_KINDS, { error: messageKey("admin.agencies.kindInvalid") }),
  region: optionalText(120, messageKey("admin.agencies.regionInvalid")),
  koordinatorName: personName,
  koordinatorEmail: email,
});

export const ZInstansiSetActive = z.object({ instansiId: id, active: flag });

export const ZInstansiTimeZone = z.object({ timeZone: z.enum(TIME_ZONE_CODES as [AgencyTimeZone, ...AgencyTimeZone[]], { error: messageKey("admin.timeZone.invalid") }) });

export const ZKoordinatorPasswordReset = z.object({ membershipId: id });

export const ZPasswordChange = z
  .object({
    currentPassword: line().min(1, messageKey("forms.required")).max(1000),
    newPassword: line().superRefine((value, context) => {
      const problem = passwordProblem(value);
      if (problem) context.addIssue({ code: "custom", message: messageKey(`account.problems.${problem}`) });
    }),
    confirmPassword: line(),
  })
  .superRefine((value, context) => {
    if (value.newPassword !== value.confirmPassword) context.addIssue({ code: "custom", path: ["confirmPassword"], message: messageKey("account.mismatch") });
  });

/** Listing pages: ?q=...&halaman=N */
export const ZListQuery = z.object({
  q: searchQuery(100),
  halaman: z.coerce.number().int().min(1).max(100_000).catch(1),
});
