import { describe, expect, it } from "vitest";
import {
  initialDraftState, reduceDraft, deviceCopyOf, readDeviceCopy, isDirty, isSaveDue, autosaveDelay, saveIndicator,
  type Draft, type DraftEvent, type DraftState,
} from "@/lib/assessment/answer-draft";

const initial: Draft = { level: "2", explanation: "Ada SK.", waiver: "", evidenceIds: ["e1"] };
const start = () => initialDraftState(initial, 3, [{ id: "e1", title: "SK", kind: "FILE", url: null }]);
const run = (state: DraftState, ...events: DraftEvent[]) => events.reduce(reduceDraft, state);
const theirs = { version: 5, level: "4.00", explanation: "Versi Budi", updatedBy: "Budi", updatedAt: "10.42" };

describe("answer draft: typing", () => {
  it("a keystroke makes the draft dirty, due for a save after 1.5 s, kept on the device with its base version", () => {
    const state = run(start(), { type: "typed", patch: { explanation: "Ada SK dan SOP." } });
    expect(isDirty(state)).toBe(true);
    expect(isSaveDue(state)).toBe(true);
    expect(autosaveDelay(state)).toBe(1_500);
    expect(saveIndicator(state)).toBe("unsaved");
    expect(deviceCopyOf(state, 42)).toEqual({ level: "2", explanation: "Ada SK dan SOP.", waiver: "", evidenceIds: ["e1"], baseVersion: 3, savedAt: 42 });
  });

  it("typing back what the server has is clean again: nothing to save, nothing kept", () => {
    const state = run(start(), { type: "typed", patch: { level: "3" } }, { type: "typed", patch: { level: "2" } });
    expect(isDirty(state)).toBe(false);
    expect(isSaveDue(state)).toBe(false);
    expect(deviceCopyOf(state, 1)).toBeNull();
    expect(saveIndicator(state)).toBeNull();
  });

  it("evidence order does not make a draft dirty", () => {
    const state = run(initialDraftState({ ...initial, evidenceIds: ["a", "b"] }, 1, []), { type: "typed", patch: { evidenceIds: ["b", "a"] } });
    expect(isDirty(state)).toBe(false);
  });

  it("typing clears the previous message", () => {
    const state = run(start(), { type: "refused", fieldErrors: {}, message: "Ditolak" }, { type: "typed", patch: { waiver: "x" } });
    expect(state.message).toBeNull();
  });

  it("attaching evidence adds it to the library and ticks it once", () => {
    const item = { id: "e2", title: "SOP", kind: "FILE", url: null };
    const state = run(start(), { type: "evidenceAttached", item }, { type: "evidenceAttached", item });
    expect(state.draft.evidenceIds).toEqual(["e1", "e2"]);
    expect(state.library.map((entry) => entry.id)).toEqual(["e1", "e2"]);
  });
});

describe("answer draft: saving", () => {
  it("save ok: the sent draft becomes the saved one at the new version; the indicator says saved", () => {
    const typed = run(start(), { type: "typed", patch: { level: "3" } });
    const state = run(typed, { type: "saveStarted" }, { type: "saveSucceeded", sent: typed.draft, version: 4, at: 1000 });
    expect(state.version).toBe(4);
    expect(state.saved).toEqual(typed.draft);
    expect(state.status).toBe("idle");
    expect(isDirty(state)).toBe(false);
    expect(deviceCopyOf(state, 1)).toBeNull();
    expect(saveIndicator(state)).toBe("saved");
  });

  it("saving shows while the request runs", () => {
    expect(saveIndicator(run(start(), { type: "typed", patch: { level: "3" } }, { type: "saveStarted" }))).toBe("saving");
  });

  it("typing during a save stays dirty after it succeeds and is kept on the device at the new base version", () => {
    const typed = run(start(), { type: "typed", patch: { level: "3" } });
    const state = run(typed, { type: "saveStarted" }, { type: "typed", patch: { explanation: "lagi" } }, { type: "saveSucceeded", sent: typed.draft, version: 4, at: 1 });
    expect(isDirty(state)).toBe(true);
    expect(deviceCopyOf(state, 9)).toMatchObject({ explanation: "lagi", level: "3", baseVersion: 4 });
  });

  it("a refused save shows its field errors and message and keeps the draft", () => {
    const state = run(start(), { type: "typed", patch: { level: "9" } }, { type: "saveStarted" }, { type: "saveRefused", fieldErrors: { level: "Tingkat tidak sah" }, message: "Periksa isian", conflict: null });
    expect(state.status).toBe("error");
    expect(state.errors).toEqual({ level: "Tingkat tidak sah" });
    expect(state.message).toEqual({ text: "Periksa isian", isError: true });
    expect(state.draft.level).toBe("9");
    expect(isSaveDue(state)).toBe(true);
  });
});

describe("answer draft: conflict", () => {
  const conflicted = () =>
    run(start(), { type: "typed", patch: { explanation: "Versi saya" } }, { type: "saveStarted" }, { type: "saveRefused", fieldErrors: {}, message: "Sudah diubah orang lain", conflict: theirs });

  it("a save conflict holds both versions and stops the autosave until the person chooses", () => {
    const state = conflicted();
    expect(state.conflict).toEqual(theirs);
    expect(isDirty(state)).toBe(true);
    expect(isSaveDue(state)).toBe(false);
    expect(deviceCopyOf(state, 1)).toMatchObject({ explanation: "Versi saya", baseVersion: 3 });
  });

  it("keeping mine bases the next save on their version and keeps my draft", () => {
    const state = run(conflicted(), { type: "conflictResolved", keep: "mine" });
    expect(state.conflict).toBeNull();
    expect(state.version).toBe(5);
    expect(state.status).toBe("idle");
    expect(state.draft.explanation).toBe("Versi saya");
    expect(isSaveDue(state)).toBe(true);
  });

  it("taking theirs replaces the draft and the saved answer with their version (level as a plain number), nothing left to save", () => {
    const state = run(conflicted(), { type: "conflictResolved", keep: "theirs" });
    expect(state.draft).toEqual({ ...initial, level: "4", explanation: "Versi Budi" });
    expect(state.saved).toEqual(state.draft);
    expect(state.version).toBe(5);
    expect(isDirty(state)).toBe(false);
    expect(deviceCopyOf(state, 1)).toBeNull();
  });

  it("resolving without a conflict changes nothing", () => {
    const state = start();
    expect(reduceDraft(state, { type: "conflictResolved", keep: "mine" })).toBe(state);
  });
});

describe("answer draft: offline and the device copy", () => {
  it("offline: the draft stays dirty and is retried after 10 s", () => {
    const state = run(start(), { type: "typed", patch: { level: "3" } }, { type: "saveStarted" }, { type: "wentOffline" });
    expect(state.status).toBe("offline");
    expect(saveIndicator(state)).toBe("offline");
    expect(isSaveDue(state)).toBe(true);
    expect(autosaveDelay(state)).toBe(10_000);
    expect(deviceCopyOf(state, 7)).toMatchObject({ level: "3", baseVersion: 3 });
  });

  it("restore from device: a closed tab's copy comes back as the draft at its base version, still to be saved", () => {
    const closedTab = run(start(), { type: "typed", patch: { explanation: "Belum terkirim" } });
    const raw = JSON.stringify(deviceCopyOf(closedTab, 5));
    const copy = readDeviceCopy(raw, initial);
    expect(copy).not.toBeNull();
    const reopened = run(start(), { type: "restoredFromDevice", copy: copy! });
    expect(reopened.restored).toBe(true);
    expect(reopened.draft).toEqual({ ...initial, explanation: "Belum terkirim" });
    expect(reopened.version).toBe(3);
    expect(isSaveDue(reopened)).toBe(true);
  });

  it("a device copy equal to the server's answer, unreadable or of another shape is dropped", () => {
    expect(readDeviceCopy(JSON.stringify({ ...initial, baseVersion: 3, savedAt: 1 }), initial)).toBeNull();
    expect(readDeviceCopy("{not json", initial)).toBeNull();
    expect(readDeviceCopy(JSON.stringify({ level: "3" }), initial)).toBeNull();
    expect(readDeviceCopy(null, initial)).toBeNull();
  });
});

describe("answer draft: links and submit", () => {
  it("a link added on the server is attached in the draft and in the saved answer at the new version", () => {
    const state = run(start(), { type: "linkAdded", item: { id: "l1", title: "Situs", kind: "LINK", url: "https://contoh.go.id" }, version: 4, message: "Tautan ditambahkan" });
    expect(state.draft.evidenceIds).toEqual(["e1", "l1"]);
    expect(state.saved.evidenceIds).toEqual(["e1", "l1"]);
    expect(state.library.at(-1)).toMatchObject({ id: "l1", kind: "LINK" });
    expect(state.version).toBe(4);
    expect(isDirty(state)).toBe(false);
    expect(state.message).toEqual({ text: "Tautan ditambahkan", isError: false });
  });

  it("submitted shows its message; a refused submit shows the errors", () => {
    expect(run(start(), { type: "submitted", message: "Diajukan" }).message).toEqual({ text: "Diajukan", isError: false });
    const refused = run(start(), { type: "refused", fieldErrors: { evidenceIds: "Bukti wajib" }, message: "Bukti wajib" });
    expect(refused.errors).toEqual({ evidenceIds: "Bukti wajib" });
    expect(refused.message).toEqual({ text: "Bukti wajib", isError: true });
  });
});
