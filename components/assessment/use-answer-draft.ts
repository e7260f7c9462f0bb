"use client";

// Runs the answer draft's state machine (lib/assessment/answer-draft.ts) in the browser:
// every keystroke is kept on this device at once and sent to the server shortly after
// typing stops; a dropped connection or a reload loses nothing. The server checks the
// version: when somebody else saved first, the conflict waits for the person's choice.
// The state lives in a ref written only by `dispatch`, so a save that finishes is known at
// once to whatever runs next (a submit right after), not only after the re-render.
import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import {
  initialDraftState, reduceDraft, deviceCopyOf, readDeviceCopy, isDirty, isSaveDue, autosaveDelay, saveIndicator,
  type Conflict, type Draft, type DraftEvent, type DraftState, type EvidenceItem,
} from "@/lib/assessment/answer-draft";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Options = {
  periodId: string;
  indicatorId: string;
  storageKey: string;
  version: number;
  initial: Draft;
  library: EvidenceItem[];
  save: Action;
  submit: Action;
  addLink: Action;
};

function toFormData(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const item of value) data.append(`${key}[]`, item);
    else data.set(key, value);
  }
  return data;
}

function conflictOf(result: FormState): Conflict | null {
  if (result.status !== "error" || result.code !== "conflict" || !result.current?.version) return null;
  const theirs = result.current;
  return { version: Number(theirs.version), level: theirs.level ?? "", explanation: theirs.explanation ?? "", updatedBy: theirs.updatedBy ?? "-", updatedAt: theirs.updatedAt ?? "" };
}

export function useAnswerDraft({ periodId, indicatorId, storageKey, version, initial, library, save, submit, addLink }: Options) {
  const router = useRouter();
  const [state, setState] = useState<DraftState>(() => initialDraftState(initial, version, library));
  const current = useRef(state);
  const running = useRef<Promise<boolean> | null>(null);

  const dispatch = useCallback(
    (event: DraftEvent) => {
      const next = reduceDraft(current.current, event);
      current.current = next;
      setState(next);
      const copy = deviceCopyOf(next, Date.now());
      if (copy) window.localStorage.setItem(storageKey, JSON.stringify(copy));
      else window.localStorage.removeItem(storageKey);
    },
    [storageKey],
  );

  // Restore what this device kept from an earlier visit that never reached the server.
  // localStorage exists only after hydration: reading it during render would make the
  // first client render differ from the server's HTML.
  useEffect(() => {
    const raw = window.localStorage.getItem(storageKey);
    const copy = readDeviceCopy(raw, initial);
    if (copy) dispatch({ type: "restoredFromDevice", copy });
    else if (raw !== null) window.localStorage.removeItem(storageKey);
  }, [storageKey, initial, dispatch]);

  /** Sends the draft unless nothing changed; `force` saves anyway (confirming, or overriding a conflict). */
  const send = useCallback(
    async (options: { force?: boolean; baseVersion?: number }): Promise<boolean> => {
      const before = current.current;
      const baseVersion = options.baseVersion ?? before.version;
      if (!isDirty(before) && !options.force) return true;
      const sent = before.draft;
      dispatch({ type: "saveStarted" });
      try {
        const result = await save(
          IDLE,
          toFormData({ periodId, indicatorId, version: String(baseVersion), level: sent.level, explanation: sent.explanation, evidenceWaiverReason: sent.waiver, evidenceIds: sent.evidenceIds }),
        );
        if (result.status === "ok") {
          dispatch({ type: "saveSucceeded", sent, version: Number(result.data?.version ?? baseVersion + 1), at: Date.now() });
          return true;
        }
        const conflict = conflictOf(result);
        dispatch({ type: "saveRefused", conflict, fieldErrors: result.status === "error" ? result.fieldErrors : {}, message: result.status === "error" ? result.message : null });
        // The answer left its owner's hands meanwhile (submitted, verified): show it as it is now.
        if (conflict && result.status === "error" && result.current?.editable === "false") router.refresh();
        return false;
      } catch {
        dispatch({ type: "wentOffline" });
        return false;
      }
    },
    [dispatch, save, periodId, indicatorId, router],
  );

  /** One save at a time: a save asked for while another runs waits for it, then sends what is new. */
  const flush = useCallback(
    async (options: { force?: boolean; baseVersion?: number } = {}): Promise<boolean> => {
      while (running.current) await running.current;
      const saving = send(options);
      running.current = saving;
      try {
        return await saving;
      } finally {
        running.current = null;
      }
    },
    [send],
  );

  // Send shortly after typing stops; retry while offline.
  useEffect(() => {
    if (!isSaveDue(state)) return;
    const timer = window.setTimeout(() => void flush(), autosaveDelay(state));
    return () => window.clearTimeout(timer);
  }, [state, flush]);

  useEffect(() => {
    const retry = () => void flush();
    const warn = (event: BeforeUnloadEvent) => {
      if (isDirty(current.current)) event.preventDefault();
    };
    window.addEventListener("online", retry);
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("online", retry);
      window.removeEventListener("beforeunload", warn);
    };
  }, [flush]);

  function resolve(keep: "mine" | "theirs") {
    const conflict = current.current.conflict;
    if (!conflict) return;
    dispatch({ type: "conflictResolved", keep });
    // Saved on top of the other version, knowingly.
    if (keep === "mine") void flush({ force: true, baseVersion: conflict.version });
  }

  async function submitAnswer() {
    dispatch({ type: "messageCleared" });
    if (!(await flush())) return;
    const result = await submit(IDLE, toFormData({ periodId, indicatorId, version: String(current.current.version) }));
    if (result.status === "ok") {
      dispatch({ type: "submitted", message: result.message });
      router.refresh();
    } else if (result.status === "error") {
      dispatch({ type: "refused", fieldErrors: result.fieldErrors, message: Object.values(result.fieldErrors).join(" ") || result.message });
    }
  }

  /** Adds a link as evidence (after saving what is typed); true when it was added. */
  async function addLinkEvidence(title: string, url: string): Promise<boolean> {
    if (!(await flush())) return false;
    const result = await addLink(IDLE, toFormData({ periodId, indicatorId, title, url }));
    if (result.status === "ok" && result.data?.evidenceId) {
      dispatch({ type: "linkAdded", item: { id: result.data.evidenceId, title, kind: "LINK", url }, version: Number(result.data.version), message: result.message });
      return true;
    }
    if (result.status === "error") dispatch({ type: "refused", fieldErrors: result.fieldErrors, message: result.fieldErrors.url ?? result.fieldErrors.title ?? result.message });
    return false;
  }

  async function confirmBaseline() {
    if (await flush({ force: true })) router.refresh();
  }

  return {
    state,
    dirty: isDirty(state),
    indicator: saveIndicator(state),
    change: (patch: Partial<Draft>) => dispatch({ type: "typed", patch }),
    attach: (item: EvidenceItem) => dispatch({ type: "evidenceAttached", item }),
    saveNow: () => void flush(),
    resolve,
    submit: submitAnswer,
    addLink: addLinkEvidence,
    confirmBaseline,
  };
}
