// Messages made on the server are keys with parameters, rendered in the reader's language
// where they are shown: catalogs, zod issues, errors and the language of an HTTP answer.
import { describe, expect, it } from "vitest";
import { AppError, errorResponse, fieldError } from "@/lib/errors";
import { msg, renderIn } from "@/lib/i18n/message";
import { messages } from "@/lib/i18n/messages";
import { render } from "@/lib/i18n/render";
import { requestLocale } from "@/lib/i18n/request-locale";
import { ZCommentCreate } from "@/lib/validation/answers";
import { ZPeriodUpdate } from "@/lib/validation/periods";
import { zodDetails } from "@/lib/validation/issues";
import { z } from "zod";

function leaves(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, `${prefix}[${index}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
  return [];
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("catalogs", () => {
  it("use the same placeholders in both languages, so no parameter goes missing in English", () => {
    const english = new Map(leaves(messages.en));
    const mismatched = leaves(messages.id).filter(([key, text]) => placeholders(text).join() !== placeholders(english.get(key) ?? "").join());
    expect(mismatched).toEqual([]);
  });
});

describe("render", () => {
  it("fills parameters, renders messages given as parameters in the same language and joins lists", () => {
    const phase = msg("periods.wrongPhase", { phase: msg("periods.phases.FINAL"), allowed: [msg("periods.phases.PENGISIAN"), msg("periods.phases.VERIFIKASI")] });
    expect(render(phase)).toContain("Final (terkunci)");
    expect(render(phase)).toContain("Pengisian, Verifikasi");
    expect(render(phase, "en")).toContain(messages.en.periods.phases.PENGISIAN);
    expect(render(msg("admin.units.created", { name: "Dinas Kesehatan" }), "en")).toBe(messages.en.admin.units.created.replace("{name}", "Dinas Kesehatan"));
  });

  it("shows a key the catalog lacks as the key, and leaves an unknown placeholder visible", () => {
    expect(renderIn(messages.id, { key: "answers.gone" as never })).toBe("answers.gone");
    expect(render(msg("admin.units.created"))).toContain("{name}");
  });
});

describe("zod issues", () => {
  it("carry the schema's key, rendered in either language (the browser checks in English too)", () => {
    const [detail] = zodDetails(ZCommentCreate.safeParse({ periodId: "p", indicatorId: "i", body: " " }).error!);
    expect(detail).toMatchObject({ field: "body", code: "too_small", message: { key: "answers.commentEmpty" } });
    expect(render(detail!.message)).toBe(messages.id.answers.commentEmpty);
    expect(render(detail!.message, "en")).toBe(messages.en.answers.commentEmpty);
  });

  it("pass the parameters of a custom issue", () => {
    const issues = zodDetails(ZPeriodUpdate.safeParse({ periodId: "p", version: 0, fillDeadline: "2026-05-01", verifyDeadline: "2026-04-01" }).error!);
    const order = issues.find((issue) => issue.message.key === "periods.form.deadlineOrder");
    expect(order, JSON.stringify(issues)).toBeDefined();
    expect(render(order!.message)).toContain(messages.id.periods.form.deadlineNames.fillDeadline!);
  });

  it("give an issue without a key the catalog's text for its code, never zod's English sentence", () => {
    const [detail] = zodDetails(z.object({ name: z.string().min(3) }).safeParse({ name: "ab" }).error!);
    expect(detail!.message).toEqual({ key: "validation.tooShort", params: { minimum: "3" } });
    expect(render(detail!.message)).toBe("Terlalu pendek: paling sedikit 3 karakter.");
  });
});

describe("AppError", () => {
  it("keeps its Indonesian text as the Error message and answers in the reader's language", async () => {
    const error = fieldError("code", msg("admin.units.codeTaken"));
    expect(error.message).toBe(messages.id.errors.validation_failed);
    const body = await errorResponse(error, "en").json();
    expect(body.error).toEqual({ code: "validation_failed", message: messages.en.errors.validation_failed, details: [{ field: "code", code: "custom", message: messages.en.admin.units.codeTaken }] });
    expect((await errorResponse(new AppError("forbidden"), "id").json()).error.message).toBe(messages.id.errors.forbidden);
  });
});

describe("requestLocale", () => {
  const request = (headers: Record<string, string>) => new Request("http://portal.test/api/v1/frameworks", { headers });

  it("defaults to Bahasa Indonesia", () => {
    expect(requestLocale(request({}))).toBe("id");
    expect(requestLocale(request({ "accept-language": "fr-FR, de;q=0.8" }))).toBe("id");
  });

  it("follows Accept-Language by quality, then order", () => {
    expect(requestLocale(request({ "accept-language": "en-US,en;q=0.9" }))).toBe("en");
    expect(requestLocale(request({ "accept-language": "fr, id;q=0.5, en;q=0.7" }))).toBe("en");
    expect(requestLocale(request({ "accept-language": "en;q=0, id" }))).toBe("id");
  });

  it("puts the portal's language choice first", () => {
    expect(requestLocale(request({ cookie: "a=1; locale=en", "accept-language": "id" }))).toBe("en");
    expect(requestLocale(request({ cookie: "locale=xx", "accept-language": "en" }))).toBe("en");
  });
});
