// One ZIP of a period's evidence, one folder per indicator (an item supporting two
// indicators is in both folders), links listed in a text file per folder, and the items
// confirmed for the period but not attached anywhere in a folder of their own. Streamed
// from storage; nothing is held whole in memory. The actor sees what the library shows
// them: an Admin OPD their unit's items, the instansi-wide roles all of them.
import { Readable } from "node:stream";
import type { DbClient } from "@/lib/db";
import { messages } from "@/lib/i18n/messages";
import { can, type Actor } from "@/lib/policy";
import { evidenceScope } from "@/lib/policy-scope";
import { getStorage } from "@/lib/storage";
import { loadPeriodFor } from "@/lib/assessment/period-access";
import type { ZipSource } from "@/lib/export/zip-stream";

const m = messages.id.evidence;

type Item = { id: string; kind: string; title: string; url: string | null; originalName: string | null; instansiId: string; ownerUnitId: string | null; sharedWithInstansi: boolean; deletedAt: Date | null; blob: { size: bigint; storageKey: string; createdAt: Date } | null };

/** A name safe as one path segment in every unzip tool. */
export function safeSegment(name: string, max = 100): string {
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, " ").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  return cleaned.slice(0, max).trim() || "berkas";
}

function uniqueName(taken: Set<string>, name: string): string {
  const dot = name.lastIndexOf(".");
  const [base, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  let candidate = name;
  for (let copy = 2; taken.has(candidate.toLowerCase()); copy++) candidate = `${base} (${copy})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

export async function periodEvidenceArchive(db: DbClient, actor: Actor, periodId: string) {
  const period = await loadPeriodFor(db, actor, "evidence.read", periodId);
  const itemSelect = { id: true, kind: true, title: true, url: true, originalName: true, instansiId: true, ownerUnitId: true, sharedWithInstansi: true, deletedAt: true, blob: { select: { size: true, storageKey: true, createdAt: true } } } as const;
  const [answers, confirmed] = await Promise.all([
    db.answer.findMany({
      where: { periodId: period.id, stage: "SELF", evidence: { some: {} } },
      select: { indicator: { select: { number: true, name: true } }, evidence: { select: { evidence: { select: itemSelect } } } },
      orderBy: { indicator: { sortOrder: "asc" } },
    }),
    db.evidencePeriod.findMany({ where: { periodId: period.id, confirmedAt: { not: null } }, select: { evidence: { select: itemSelect } } }),
  ]);
  const visible = (item: Item) => !item.deletedAt && can(actor, "evidence.read", evidenceScope(item));

  const folders: { name: string; items: Item[] }[] = answers.map((answer) => ({
    name: safeSegment(`Indikator ${String(answer.indicator.number ?? 0).padStart(2, "0")} - ${answer.indicator.name}`, 80),
    items: answer.evidence.map((link) => link.evidence).filter(visible),
  }));
  const attached = new Set(folders.flatMap((folder) => folder.items.map((item) => item.id)));
  folders.push({ name: safeSegment(m.archiveUnlinked), items: confirmed.map((link) => link.evidence).filter((item) => visible(item) && !attached.has(item.id)) });

  const entries: ZipSource[] = [];
  for (const folder of folders) {
    const taken = new Set<string>();
    const links: string[] = [];
    for (const item of folder.items) {
      if (item.kind === "LINK" && item.url) links.push(`${item.title}\r\n${item.url}\r\n`);
      if (item.kind !== "FILE" || !item.blob) continue;
      const blob = item.blob;
      const name = uniqueName(taken, safeSegment(item.originalName ?? item.title));
      entries.push({ name: `${folder.name}/${name}`, size: Number(blob.size), modifiedAt: blob.createdAt, open: () => getStorage().read(blob.storageKey) });
    }
    if (links.length > 0) {
      const text = Buffer.from(links.join("\r\n"), "utf8");
      entries.push({ name: `${folder.name}/${uniqueName(taken, m.archiveLinksFile)}`, size: text.length, modifiedAt: new Date(), open: () => Readable.from([text]) });
    }
  }
  const instansi = await db.instansi.findUniqueOrThrow({ where: { id: period.instansiId }, select: { code: true } });
  return { fileName: `bukti-${instansi.code}-${period.year}.zip`, entries };
}
