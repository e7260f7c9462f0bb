import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ButirOverview, ExternalIndexPanel } from "@/components/assessment/butir-overview";
import { findIndicator, getFramework } from "@/lib/framework/catalog";
import { unansweredValueOf, type FrameworkDefinition, type IndicatorNode } from "@/lib/framework/schema";
import { messages } from "@/lib/i18n/messages";

function indicator(framework: FrameworkDefinition, code: string): IndicatorNode {
  const found = findIndicator(framework, Number(code.slice(1)));
  if (!found) throw new Error(`missing ${code}`);
  return found;
}

const pemdi = getFramework("pemdi-2026")!;
const spbe = getFramework("spbe-2020")!;
const labels = messages.id.answers;

describe("butir and external index on the indicator page", () => {
  it("lists each level's butir under its national code", () => {
    const html = renderToStaticMarkup(createElement(ButirOverview, { indicator: indicator(pemdi, "I1"), labels }));
    expect(html).toContain("Tingkat 2: 4 butir");
    expect(html).toContain("I1-L2-02");
    expect(html).toContain("SIAP Digital");
  });

  it("says when the sources list no butir for a level (I9 level 3)", () => {
    const html = renderToStaticMarkup(createElement(ButirOverview, { indicator: indicator(pemdi, "I9"), labels }));
    expect(html).toContain("Tingkat 3: 0 butir");
    expect(html).toContain(labels.butirUnknown);
  });

  it("shows nothing for spbe-2020, which has no butir", () => {
    const spbeIndicator = findIndicator(spbe, 1)!;
    expect(renderToStaticMarkup(createElement(ButirOverview, { indicator: spbeIndicator, labels }))).toBe("");
  });

  it("shows SDI as waiting for the external value at the floor, provisional, with its bands", () => {
    const sdi = indicator(pemdi, "I5").externalIndex!;
    const html = renderToStaticMarkup(createElement(ExternalIndexPanel, { index: sdi, floor: unansweredValueOf(pemdi), labels }));
    expect(html).toContain("Menunggu nilai eksternal: selama belum ada, indikator dihitung 1.");
    expect(html).toContain(labels.externalProvisional);
    expect(html).toContain("Tingkat 2: indeks 12,5 s.d. 37,5 → nilai 1,5 s.d. 2,5");
  });

  it("marks IKASANDI as judged from evidence and IPS bands without a documented value", () => {
    const ikasandi = renderToStaticMarkup(createElement(ExternalIndexPanel, { index: indicator(pemdi, "I10").externalIndex!, floor: "1", labels }));
    expect(ikasandi).toContain(labels.externalEvidenceUse);
    expect(ikasandi).not.toContain(labels.externalProvisional);
    const ips = renderToStaticMarkup(createElement(ExternalIndexPanel, { index: indicator(pemdi, "I7").externalIndex!, floor: "1", labels }));
    expect(ips).toContain("Tingkat 1: indeks di bawah 1,8 (nilai tidak terdokumentasi)");
  });
});
