// The one rule for a level a person enters, wherever they enter it (self-assessment,
// internal verification, external stages, simulation targets, recommendations, the Excel
// import), in the browser and on the server. spbe-2020 takes whole levels 1-5; pemdi-2026
// decimals on 1,00-5,00. Plain TypeScript without catalogs, so a browser component can
// check as the person types; the caller turns an issue into words (describeLevelIssue).
import type { FrameworkDefinition, IndicatorNode, ValueScale } from "@/lib/framework/schema";
import { Decimal } from "@/lib/decimal";
import { fill } from "@/lib/i18n/format";
import { msg, type Message } from "@/lib/i18n/message";

export type LevelScaleRule = Pick<ValueScale, "min" | "max" | "integer">;

import { LEVEL_MAX_PLACES } from "@/lib/scoring/level-places";

/** Answers are stored as Decimal(4,2): a decimal scale takes at most two places. */
export { LEVEL_MAX_PLACES };

export const placesAllowed = (scale: LevelScaleRule) => (scale.integer ? 0 : LEVEL_MAX_PLACES);

export type LevelIssue =
  | { code: "not_a_number"; text: string }
  | { code: "out_of_scale"; text: string }
  | { code: "not_whole"; text: string }
  | { code: "too_many_places"; text: string; places: number };

export type CheckedLevel = { level: string | null } | { issue: LevelIssue };

// Digits with one decimal separator; a person writes "2,5", a spreadsheet may write "2.5".
const LEVEL_TEXT = /^(\d{1,3})(?:[.,](\d{1,12}))?$/;

/** Checks typed text; an empty text means "no level". The level comes out as "3.00" / "2.75". */
export function checkLevel(scale: LevelScaleRule, raw: string | null | undefined): CheckedLevel {
  const text = (raw ?? "").trim();
  if (text === "") return { level: null };
  const match = LEVEL_TEXT.exec(text);
  if (!match) return { issue: { code: "not_a_number", text } };
  const value = Decimal.parse(text.replace(",", "."));
  if (value.lt(Decimal.parse(scale.min)) || value.gt(Decimal.parse(scale.max))) return { issue: { code: "out_of_scale", text } };
  const places = (match[2] ?? "").replace(/0+$/, "").length;
  if (scale.integer && places > 0) return { issue: { code: "not_whole", text } };
  if (places > placesAllowed(scale)) return { issue: { code: "too_many_places", text, places } };
  return { level: value.toFixed(LEVEL_MAX_PLACES) };
}

/** The catalog's `levels` section (both languages have it). */
export type LevelTexts = { notANumber: string; outOfScale: string; notWhole: string; tooManyPlaces: string; exampleInteger: string; exampleDecimal: string };

const ISSUE_TEXT = { not_a_number: "notANumber", out_of_scale: "outOfScale", not_whole: "notWhole", too_many_places: "tooManyPlaces" } as const;

function issueParams(scale: LevelScaleRule, issue: LevelIssue) {
  return { value: issue.text, min: displayLevel(scale.min), max: displayLevel(scale.max), places: issue.code === "too_many_places" ? issue.places : 0, allowed: placesAllowed(scale) };
}

/** The issue as a message (the server's refusal, rendered in the reader's language). */
export function levelIssueMessage(scale: LevelScaleRule, issue: LevelIssue): Message {
  return msg(`levels.${ISSUE_TEXT[issue.code]}`, { ...issueParams(scale, issue), example: msg(scale.integer ? "levels.exampleInteger" : "levels.exampleDecimal") });
}

/** The issue in words, from the `levels` texts a level input was given (checked as the person types). */
export function describeLevelIssue(scale: LevelScaleRule, issue: LevelIssue, texts: LevelTexts): string {
  return fill(texts[ISSUE_TEXT[issue.code]], { ...issueParams(scale, issue), example: scale.integer ? texts.exampleInteger : texts.exampleDecimal });
}

/** A stored level in canonical form ("3.00" -> "3", "2.50" -> "2.5"), or null. */
export function canonicalLevel(level: { toString(): string } | null): string | null {
  return level === null ? null : Decimal.parse(level.toString()).toString();
}

/** "3.00" -> "3", "2.50" -> "2,5": how people write levels. */
export function displayLevel(level: { toString(): string } | null | undefined): string {
  if (level === null || level === undefined) return "-";
  return String(Number(level.toString())).replace(".", ",");
}

export type LevelOption = { value: string; label: string };

/** The indicator's named levels ("3 · Terpadu dan Terukur"): a select's options on a whole-level scale. */
export function levelOptions(definition: FrameworkDefinition, indicator: Pick<IndicatorNode, "levelScale">): LevelOption[] {
  const scale = definition.levelScales.find((candidate) => candidate.code === indicator.levelScale);
  return (scale?.levels ?? []).map((level) => ({ value: String(level.level), label: `${level.level} · ${level.name}` }));
}

export const levelScaleOf = (definition: FrameworkDefinition): LevelScaleRule => ({
  min: definition.valueScale.min,
  max: definition.valueScale.max,
  integer: definition.valueScale.integer,
});
