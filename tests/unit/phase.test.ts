// The phase rules every period command asks: what each phase allows, and the one-step
// order Persiapan -> Pengisian -> Verifikasi -> Final.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertPhaseAllows, nextPhase, phaseAllows, PHASES, previousPhase, type Phase, type PeriodOperation } from "@/lib/assessment/phase";

// Written from the issue (a Final period is locked; external results arrive during
// verification), not derived from the module.
const TABLE: Record<PeriodOperation, Record<Phase, boolean>> = {
  "period.edit": { PERSIAPAN: true, PENGISIAN: true, VERIFIKASI: true, FINAL: false },
  "assignment.edit": { PERSIAPAN: true, PENGISIAN: true, VERIFIKASI: true, FINAL: false },
  "answer.fill": { PERSIAPAN: false, PENGISIAN: true, VERIFIKASI: true, FINAL: false },
  "answer.verify": { PERSIAPAN: false, PENGISIAN: true, VERIFIKASI: true, FINAL: false },
  "external.record": { PERSIAPAN: false, PENGISIAN: false, VERIFIKASI: true, FINAL: false },
  "comment.create": { PERSIAPAN: true, PENGISIAN: true, VERIFIKASI: true, FINAL: false },
};

describe("phaseAllows", () => {
  for (const [operation, phases] of Object.entries(TABLE) as [PeriodOperation, Record<Phase, boolean>][]) {
    for (const phase of PHASES) {
      it(`${operation} in ${phase} → ${phases[phase] ? "allowed" : "refused"}`, () => {
        expect(phaseAllows(phase, operation)).toBe(phases[phase]);
      });
    }
  }

  it("a Final period allows nothing at all", () => {
    for (const operation of Object.keys(TABLE) as PeriodOperation[]) expect(phaseAllows("FINAL", operation)).toBe(false);
  });
});

describe("assertPhaseAllows", () => {
  it("refuses with 409 and says the period is locked when it is Final", () => {
    const error = (() => {
      try {
        assertPhaseAllows("FINAL", "period.edit");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(409);
    expect((error as AppError).message).toMatch(/terkunci/);
  });

  it("names the current and the allowed phases otherwise", () => {
    expect(() => assertPhaseAllows("PERSIAPAN", "answer.fill")).toThrow(/tahap Persiapan; hanya pada tahap Pengisian, Verifikasi/);
    expect(() => assertPhaseAllows("PENGISIAN", "answer.fill")).not.toThrow();
  });
});

describe("nextPhase and previousPhase", () => {
  it("move one step at a time in the fixed order", () => {
    expect(nextPhase("PERSIAPAN")).toBe("PENGISIAN");
    expect(nextPhase("PENGISIAN")).toBe("VERIFIKASI");
    expect(nextPhase("VERIFIKASI")).toBe("FINAL");
    expect(nextPhase("FINAL")).toBeNull();
    expect(previousPhase("PERSIAPAN")).toBeNull();
    expect(previousPhase("FINAL")).toBe("VERIFIKASI");
  });

  it("walk every phase exactly once from Persiapan to Final", () => {
    const walked: Phase[] = [];
    for (let phase: Phase | null = "PERSIAPAN"; phase; phase = nextPhase(phase)) walked.push(phase);
    expect(walked).toEqual(["PERSIAPAN", "PENGISIAN", "VERIFIKASI", "FINAL"]);
  });
});
