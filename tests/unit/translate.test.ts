// Server-made messages follow the reader's language: exact catalog strings and filled templates.
import { describe, expect, it } from "vitest";
import { translateMessage } from "@/lib/i18n/translate";
import { fill } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";

describe("translateMessage", () => {
  it("gives the English catalog string for an Indonesian one", () => {
    expect(translateMessage(messages.id.errors.forbidden, "en")).toBe(messages.en.errors.forbidden);
    expect(translateMessage(messages.id.admin.units.codeTaken, "en")).toBe(messages.en.admin.units.codeTaken);
  });

  it("carries the values of a filled template over", () => {
    const indonesian = fill(messages.id.admin.units.created, { name: "Dinas Kesehatan" });
    expect(translateMessage(indonesian, "en")).toBe(fill(messages.en.admin.units.created, { name: "Dinas Kesehatan" }));
  });

  it("leaves Bahasa Indonesia and unknown messages alone", () => {
    expect(translateMessage(messages.id.errors.forbidden, "id")).toBe(messages.id.errors.forbidden);
    expect(translateMessage("Pesan yang tidak ada di katalog", "en")).toBe("Pesan yang tidak ada di katalog");
  });
});
