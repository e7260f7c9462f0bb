// The period backup archive: a gzip-compressed tar holding
//   manifest.json     what the archive is (format, agency, period, framework, counts), the
//                     SHA-256 of data.json and of every stored file
//   data.json         the rows of the period and everything they refer to (below)
//   blobs/<sha256>    the bytes of every evidence file linked to the period
// Rows keep their ids, so references inside the archive stay valid after a restore.
// Password hashes are never written: see README ("Backup and restore").
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FrameworkDefinition } from "@/lib/framework/schema";

export const ARCHIVE_FORMAT = "spbe-mandiri/period-backup";
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = "manifest.json";
export const DATA_ENTRY = "data.json";
export const blobEntry = (sha256: string) => `blobs/${sha256}`;
export const BLOB_ENTRY = /^blobs\/([0-9a-f]{64})$/;

type Rows<T> = T[];

/** Every table of a period's backup, as createMany inputs: what export reads is what restore writes. */
export type PeriodData = {
  instansi: Prisma.InstansiCreateManyInput;
  units: Rows<Prisma.UnitCreateManyInput>;
  /** Members of the agency and everyone the period's rows name, without password hashes. */
  users: Rows<Omit<Prisma.UserCreateManyInput, "passwordHash">>;
  /** The agency's memberships only (a superadmin's has no agency and is not included). */
  memberships: Rows<Prisma.MembershipCreateManyInput>;
  historicalResults: Rows<Omit<Prisma.HistoricalResultCreateManyInput, "nodeIndices"> & { nodeIndices: Prisma.InputJsonValue | null }>;
  framework: { code: string; version: number; checksum: string; definition: FrameworkDefinition; nodes: { id: string; code: string }[] };
  period: Prisma.AssessmentPeriodCreateManyInput;
  assignments: Rows<Prisma.AssignmentCreateManyInput>;
  assignees: Rows<Prisma.AssignmentAssigneeCreateManyInput>;
  answers: Rows<Prisma.AnswerCreateManyInput>;
  levelChanges: Rows<Prisma.LevelChangeCreateManyInput>;
  verificationRounds: Rows<Prisma.VerificationRoundCreateManyInput>;
  comments: Rows<Prisma.CommentCreateManyInput>;
  mentions: Rows<Prisma.CommentMentionCreateManyInput>;
  recommendations: Rows<Prisma.RecommendationCreateManyInput>;
  objections: Rows<Prisma.ObjectionCreateManyInput>;
  blobs: Rows<Prisma.BlobCreateManyInput>;
  evidence: Rows<Prisma.EvidenceCreateManyInput>;
  answerEvidence: Rows<Prisma.AnswerEvidenceCreateManyInput>;
  evidencePeriods: Rows<Prisma.EvidencePeriodCreateManyInput>;
  /** Evidence carried over from a period on another framework, waiting for its owner's decision. */
  evidenceCandidates: Rows<Prisma.EvidenceCandidateCreateManyInput>;
};

export type TableName = Exclude<keyof PeriodData, "instansi" | "period" | "framework">;

export const TABLES = [
  "units",
  "users",
  "memberships",
  "historicalResults",
  "assignments",
  "assignees",
  "answers",
  "levelChanges",
  "verificationRounds",
  "comments",
  "mentions",
  "recommendations",
  "objections",
  "blobs",
  "evidence",
  "answerEvidence",
  "evidencePeriods",
  "evidenceCandidates",
] as const satisfies readonly TableName[];

export const ZManifest = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
  createdAt: z.string(),
  instansi: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  period: z.object({ id: z.string(), year: z.number().int() }),
  framework: z.object({ code: z.string(), checksum: z.string().regex(/^[0-9a-f]{64}$/) }),
  data: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() }),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  blobs: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() })),
});

export type Manifest = z.infer<typeof ZManifest>;

/** JSON with BigInt (Blob.size) as numbers: sizes stay far below 2^53. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? Number(item) : item));
}

/** A refusal to explain to the operator: nothing was written. */
export class BackupRefused extends Error {
  override name = "BackupRefused";
}
