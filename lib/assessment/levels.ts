// The level rule (level-rule.ts) with the server's words: every command that stores a
// level a person entered goes through parseLevel.
import type { FrameworkDefinition } from "@/lib/framework/schema";
import type { Message } from "@/lib/i18n/message";
import { checkLevel, levelIssueMessage, levelScaleOf } from "./level-rule";

export type ParsedLevel = { level: string | null } | { issue: Message };

export function parseLevel(definition: FrameworkDefinition, raw: string | null | undefined): ParsedLevel {
  const scale = levelScaleOf(definition);
  const checked = checkLevel(scale, raw);
  return "issue" in checked ? { issue: levelIssueMessage(scale, checked.issue) } : checked;
}
