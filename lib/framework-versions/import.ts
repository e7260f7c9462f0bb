// The superadmin's framework import from the administration page: the same validation as
// `npm run framework:import`, a preview of what changes against the newest stored version
// of the same framework, and a command that imports exactly what was previewed (the
// checksum ties the two together) with its audit record. Existing versions, and the
// periods using them, never change.
import { z } from "zod";
import type { DbClient } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { defineCommand } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { messageKey, msg } from "@/lib/i18n/message";
import { render } from "@/lib/i18n/render";
import { assertCan, type Actor } from "@/lib/policy";
import { line, text } from "@/lib/validation/primitives";
import { diffFrameworks, type FrameworkDiff } from "@/lib/framework/diff";
import { frameworkChecksum, getLatestFrameworkVersion, importValidatedFrameworkIn } from "./store";
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { validateFramework, type FrameworkIssue } from "@/lib/framework/validate";
import { zodDetails } from "@/lib/validation/issues";

/** pemdi-2026 with every criterion is about 250 kB; server actions take up to 1 MB. */
export const FRAMEWORK_FILE_MAX_CHARS = 800_000;

export type FrameworkPreview =
  | { ok: false; issues: FrameworkIssue[] }
  | {
      ok: true;
      checksum: string;
      code: string;
      name: string;
      /** The version it would become; the same as `currentVersion` when nothing changes. */
      nextVersion: number;
      currentVersion: number | null;
      diff: FrameworkDiff;
    };

function parse(content: string): { ok: true; framework: FrameworkDefinition } | { ok: false; issues: FrameworkIssue[] } {
  let input: unknown;
  try {
    input = JSON.parse(content);
  } catch {
    return { ok: false, issues: [{ path: "(berkas)", message: render(msg("admin.frameworks.notJson")) }] };
  }
  return validateFramework(input);
}

export async function previewFrameworkImport(db: DbClient, actor: Actor, content: string): Promise<FrameworkPreview> {
  assertCan(actor, "framework.import");
  const checked = ZFrameworkImport.shape.content.safeParse(content);
  if (!checked.success) return { ok: false, issues: [{ path: "(berkas)", message: render(zodDetails(checked.error)[0]?.message ?? msg("admin.frameworks.notJson")) }] };
  const parsed = parse(content);
  if (!parsed.ok) return parsed;
  const { framework } = parsed;
  const current = await getLatestFrameworkVersion(db, framework.code);
  const diff = diffFrameworks(current?.definition ?? null, framework);
  const checksum = frameworkChecksum(framework);
  const same = current?.checksum === checksum;
  return {
    ok: true,
    checksum,
    code: framework.code,
    name: framework.name,
    currentVersion: current?.version ?? null,
    nextVersion: same ? current.version : (current?.version ?? 0) + 1,
    diff,
  };
}

export const ZFrameworkImport = z.object({
  content: text().min(1, messageKey("admin.frameworks.fileMissing")).max(FRAMEWORK_FILE_MAX_CHARS, messageKey("admin.frameworks.tooLarge")),
  checksum: line().regex(/^[0-9a-f]{64}$/, messageKey("admin.frameworks.previewFirst")),
});

export const importFramework = defineCommand({
  name: "framework.import",
  input: ZFrameworkImport,
  async run({ tx, actor, request }, { content, checksum }) {
    assertCan(actor, "framework.import");
    const parsed = parse(content);
    if (!parsed.ok) {
      throw new AppError("validation_failed", {
        details: parsed.issues.map((issue) => ({ field: `content.${issue.path}`, code: "custom", message: msg("admin.frameworks.issue", { path: issue.path, message: issue.message }) })),
      });
    }
    if (frameworkChecksum(parsed.framework) !== checksum) {
      throw new AppError("validation_failed", { details: [{ field: "checksum", code: "custom", message: msg("admin.frameworks.previewStale") }] });
    }
    const imported = await importValidatedFrameworkIn(tx, parsed.framework, { importedById: actor.userId, notes: render(msg("admin.frameworks.importNote")) });
    if (!imported.isNew) return { message: msg("admin.frameworks.unchanged", { code: imported.code, version: imported.version }) };
    await writeAudit(tx, request, {
      action: "framework.import",
      entityType: "FrameworkVersion",
      entityId: imported.id,
      instansiId: null,
      after: { code: imported.code, version: imported.version, checksum: imported.checksum },
    });
    return { message: msg("admin.frameworks.imported", { code: imported.code, version: imported.version }) };
  },
});
