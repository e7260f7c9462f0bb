// The level rule (level-rule.ts) with the server's words: every command that stores a
// level a person entered goes through parseLevel.
import type { FrameworkDefinition } from "@/lib/framework/schema";
import { messages } from "@/lib/i18n/messages";
import { checkLevel, describeLevelIssue, levelScaleOf } from "./level-rule";

export type ParsedLevel = { level: string | null } | { issue: string };

export function parseLevel(definition: FrameworkDefinition, raw: string | null | undefined): ParsedLevel {
  const scale = levelScaleOf(definition);
  const checked = checkLevel(scale, raw);
  return "issue" in checked ? { issue: describeLevelIssue(scale, checked.issue, messages.id.levels) } : checked;
}
