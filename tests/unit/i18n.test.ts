// Every message exists in both catalogs, so switching language never shows a blank.
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";

function keys(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => keys(item, `${prefix}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

describe("message catalogs", () => {
  it("have the same keys in Bahasa Indonesia and English", () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages.id).sort());
  });

  it("have no empty message", () => {
    for (const locale of ["id", "en"] as const) {
      const empty = keys(messages[locale]).filter((key) => {
        const value = key.split(/\.|\[|\]\.?/).filter(Boolean).reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages[locale]);
        return typeof value === "string" && value.trim() === "";
      });
      expect(empty, locale).toEqual([]);
    }
  });
});
