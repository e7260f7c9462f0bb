// The answer's transition table, written out from the assessment's rules (not derived from
// the module): who may change an answer in which status, and what each step leaves.
import { describe, expect, it } from "vitest";
import { assertTransition, EDITABLE_STATUSES, isEditable, nextStatus, TRANSITIONS, type AnswerEvent } from "@/lib/assessment/answer-lifecycle";
import { AppError } from "@/lib/errors";
import type { AnswerStatus } from "@/lib/generated/prisma/enums";

const STATUSES: (AnswerStatus | null)[] = [null, "DRAFT", "NEEDS_CONFIRMATION", "SUBMITTED", "NEEDS_REVISION", "VERIFIED", "RECORDED"];

// event -> from -> to; a status not listed is refused.
const EXPECTED: Record<AnswerEvent, Partial<Record<string, AnswerStatus>>> = {
  save: { null: "DRAFT", DRAFT: "DRAFT", NEEDS_CONFIRMATION: "DRAFT", NEEDS_REVISION: "NEEDS_REVISION" },
  import: { null: "DRAFT", DRAFT: "DRAFT", NEEDS_CONFIRMATION: "DRAFT", NEEDS_REVISION: "NEEDS_REVISION" },
  "attach-evidence": { null: "DRAFT", DRAFT: "DRAFT", NEEDS_CONFIRMATION: "NEEDS_CONFIRMATION", NEEDS_REVISION: "NEEDS_REVISION" },
  "butir-evidence": { null: "DRAFT", DRAFT: "DRAFT", NEEDS_CONFIRMATION: "NEEDS_CONFIRMATION", NEEDS_REVISION: "NEEDS_REVISION" },
  "detach-evidence": { DRAFT: "DRAFT", NEEDS_CONFIRMATION: "NEEDS_CONFIRMATION", NEEDS_REVISION: "NEEDS_REVISION" },
  submit: { DRAFT: "SUBMITTED", NEEDS_CONFIRMATION: "SUBMITTED", NEEDS_REVISION: "SUBMITTED" },
  verify: { SUBMITTED: "VERIFIED" },
  "send-back": { SUBMITTED: "NEEDS_REVISION" },
  // Issue 15: a submission taken back before the Asesor decided; a verified answer returned for a correction.
  withdraw: { SUBMITTED: "DRAFT" },
  "return-verified": { VERIFIED: "NEEDS_REVISION" },
  "record-verification": { null: "VERIFIED", VERIFIED: "VERIFIED" },
  "record-external": { null: "RECORDED", RECORDED: "RECORDED" },
  "carry-over": { null: "NEEDS_CONFIRMATION" },
};

describe("answer lifecycle", () => {
  it("covers every event", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const event of Object.keys(EXPECTED) as AnswerEvent[]) {
    it(`${event}: starts only from its statuses and leaves the expected one`, () => {
      for (const from of STATUSES) expect(nextStatus(event, from), `${event} from ${from}`).toBe(EXPECTED[event][String(from)] ?? null);
    });
  }

  it("an owner edits only drafts, answers to confirm and answers sent back (or none yet)", () => {
    expect([...EDITABLE_STATUSES].sort()).toEqual(["DRAFT", "NEEDS_CONFIRMATION", "NEEDS_REVISION"]);
    expect(STATUSES.filter((status) => isEditable(status))).toEqual([null, "DRAFT", "NEEDS_CONFIRMATION", "NEEDS_REVISION"]);
  });

  it("refuses a step its status does not allow with a conflict naming the status", () => {
    const refusal = (() => {
      try {
        assertTransition("save", "SUBMITTED", { version: "3" });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ status: 409, message: expect.stringMatching(/Diajukan|diajukan/), current: { version: "3" } });
    expect(() => assertTransition("verify", "DRAFT")).toThrow(/diajukan/i);
    expect(() => assertTransition("submit", "DRAFT")).not.toThrow();
  });

  it("a withdrawal refused after the Asesor decided says so, distinct from one never submitted", () => {
    expect(() => assertTransition("withdraw", "VERIFIED")).toThrow(/Asesor sudah mulai/);
    expect(() => assertTransition("withdraw", "NEEDS_REVISION")).toThrow(/Asesor sudah mulai/);
    expect(() => assertTransition("withdraw", "DRAFT")).toThrow(/belum diajukan/);
    expect(() => assertTransition("return-verified", "SUBMITTED")).toThrow(/terverifikasi/i);
  });
});
