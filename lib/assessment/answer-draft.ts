// The owner's draft of an answer as a state machine: what the person typed, what the
// server last acknowledged, the version the next save is based on, and what the save
// indicator says. `components/assessment/use-answer-draft.ts` runs it in the browser (the
// timers, the device copy, the server calls); every decision is made here, in plain
// TypeScript, so tests/unit/answer-draft.test.ts checks the transitions without a DOM.

export type Draft = { level: string; explanation: string; waiver: string; evidenceIds: string[] };

/** What this device keeps between visits while the server has not acknowledged the draft. */
export type DeviceCopy = Draft & { baseVersion: number; savedAt: number };

/** The version somebody else saved first, shown beside the person's own. */
export type Conflict = { version: number; level: string; explanation: string; updatedBy: string; updatedAt: string };

export type EvidenceItem = { id: string; title: string; kind: string; url: string | null };

export type SaveStatus = "idle" | "saving" | "offline" | "error";

export type DraftState = {
  draft: Draft;
  /** What the server holds (as far as this page knows). */
  saved: Draft;
  /** The version the next save is based on. */
  version: number;
  status: SaveStatus;
  /** When the server last acknowledged a save (epoch ms), for "saved at 10:42". */
  savedAt: number | null;
  errors: Record<string, string>;
  message: { text: string; isError: boolean } | null;
  conflict: Conflict | null;
  /** The draft came from this device's copy of an earlier visit. */
  restored: boolean;
  /** The evidence the person can tick: the library plus what was attached on this page. */
  library: EvidenceItem[];
};

export type DraftEvent =
  | { type: "typed"; patch: Partial<Draft> }
  /** Evidence uploaded, added as a candidate, or already in the library: ticked once. */
  | { type: "evidenceAttached"; item: EvidenceItem }
  | { type: "restoredFromDevice"; copy: DeviceCopy }
  | { type: "saveStarted" }
  | { type: "saveSucceeded"; sent: Draft; version: number; at: number }
  /** The server refused the save; `conflict` when somebody else saved first; `message` null when it said nothing. */
  | { type: "saveRefused"; fieldErrors: Record<string, string>; message: string | null; conflict: Conflict | null }
  /** The request never reached the server (no network). */
  | { type: "wentOffline" }
  | { type: "conflictResolved"; keep: "mine" | "theirs" }
  | { type: "messageCleared" }
  | { type: "linkAdded"; item: EvidenceItem; version: number; message: string }
  | { type: "refused"; fieldErrors: Record<string, string>; message: string }
  | { type: "submitted"; message: string };

export function sameDraft(a: Draft, b: Draft): boolean {
  return a.level === b.level && a.explanation === b.explanation && a.waiver === b.waiver && [...a.evidenceIds].sort().join() === [...b.evidenceIds].sort().join();
}

export function initialDraftState(initial: Draft, version: number, library: EvidenceItem[]): DraftState {
  return { draft: initial, saved: initial, version, status: "idle", savedAt: null, errors: {}, message: null, conflict: null, restored: false, library };
}

const withItem = (library: EvidenceItem[], item: EvidenceItem) => (library.some((existing) => existing.id === item.id) ? library : [...library, item]);
const withId = (ids: string[], id: string) => (ids.includes(id) ? ids : [...ids, id]);

export function reduceDraft(state: DraftState, event: DraftEvent): DraftState {
  switch (event.type) {
    case "typed":
      return { ...state, message: null, draft: { ...state.draft, ...event.patch } };
    case "evidenceAttached":
      return { ...state, message: null, library: withItem(state.library, event.item), draft: { ...state.draft, evidenceIds: withId(state.draft.evidenceIds, event.item.id) } };
    case "restoredFromDevice": {
      const { level, explanation, waiver, evidenceIds, baseVersion } = event.copy;
      return { ...state, draft: { level, explanation, waiver, evidenceIds }, version: baseVersion, restored: true };
    }
    case "saveStarted":
      return { ...state, status: "saving" };
    case "saveSucceeded":
      return { ...state, version: event.version, saved: event.sent, savedAt: event.at, errors: {}, status: "idle" };
    case "saveRefused":
      return {
        ...state,
        conflict: event.conflict ?? state.conflict,
        errors: event.fieldErrors,
        message: event.message === null ? state.message : { text: event.message, isError: true },
        status: "error",
      };
    case "wentOffline":
      return { ...state, status: "offline" };
    case "conflictResolved": {
      const conflict = state.conflict;
      if (!conflict) return state;
      const resolved = { ...state, version: conflict.version, conflict: null, status: "idle" as const };
      if (event.keep === "mine") return resolved;
      const theirs = { ...state.draft, level: conflict.level === "" ? "" : String(Number(conflict.level)), explanation: conflict.explanation };
      return { ...resolved, draft: theirs, saved: theirs };
    }
    case "messageCleared":
      return { ...state, message: null };
    case "linkAdded":
      // The link is attached on the server in the same step: the saved answer holds it too.
      return {
        ...state,
        library: withItem(state.library, event.item),
        draft: { ...state.draft, evidenceIds: withId(state.draft.evidenceIds, event.item.id) },
        saved: { ...state.saved, evidenceIds: withId(state.saved.evidenceIds, event.item.id) },
        version: event.version,
        errors: {},
        message: { text: event.message, isError: false },
      };
    case "refused":
      return { ...state, errors: event.fieldErrors, message: { text: event.message, isError: true } };
    case "submitted":
      return { ...state, message: { text: event.message, isError: false } };
  }
}

/** Something typed has not reached the server (the tab warns before closing). */
export const isDirty = (state: DraftState) => !sameDraft(state.draft, state.saved);

/** A save is due: something changed and no conflict waits for the person's choice. */
export const isSaveDue = (state: DraftState) => isDirty(state) && state.conflict === null;

/** How long after the last keystroke the draft is sent; longer while the network is gone. */
export const autosaveDelay = (state: DraftState) => (state.status === "offline" ? 10_000 : 1_500);

/** What the device should keep now: a copy while the server lacks the draft, nothing once it has it. */
export function deviceCopyOf(state: DraftState, now: number): DeviceCopy | null {
  return isDirty(state) ? { ...state.draft, baseVersion: state.version, savedAt: now } : null;
}

/** The device's copy from an earlier visit, if it holds something the server does not (`null` otherwise: drop it). */
export function readDeviceCopy(raw: string | null, initial: Draft): DeviceCopy | null {
  if (!raw) return null;
  try {
    const copy = JSON.parse(raw) as DeviceCopy;
    if (typeof copy !== "object" || copy === null || !Array.isArray(copy.evidenceIds) || typeof copy.baseVersion !== "number") return null;
    return sameDraft(copy, initial) ? null : copy;
  } catch {
    return null;
  }
}

/** Which line the save indicator shows (the component renders it in the reader's language). */
export function saveIndicator(state: DraftState): "saving" | "offline" | "unsaved" | "saved" | null {
  if (state.status === "saving") return "saving";
  if (state.status === "offline") return "offline";
  if (isDirty(state)) return "unsaved";
  return state.savedAt === null ? null : "saved";
}
