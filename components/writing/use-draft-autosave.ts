"use client";
// Autosave for the editor: a local copy on every keystroke, a server save ~1.5 s after the last one, retries with
// backoff while offline, and a conflict (never an overwrite) when the server has moved on. The rules are the pure
// transition in `draft-autosave-state.ts`; this hook only runs its effects (storage, network, timer, window events).
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiRequestError, callOperation } from "@/components/api-client";
import {
  autosaveTransition,
  initialAutosaveState,
  payloadOf,
  type AutosaveEffect,
  type AutosaveEvent,
  type AutosaveState,
} from "@/components/writing/draft-autosave-state";
import { clearLocalCopy, takeUnconfirmedCopy, writeLocalCopy, type DraftFields } from "@/components/writing/local-draft-copy";
import type { WritingEvidence } from "@/components/writing/use-writing-evidence";
import { updateDraft } from "@/lib/http/operations/items";
import { itemSchema, type ItemView } from "@/lib/items/schemas";


/** `evidence`: the writing counters, sent with every save and kept with the local copy. */
export function useDraftAutosave(initialItem: ItemView, editable: boolean, evidence?: Pick<WritingEvidence, "snapshot" | "adopt">) {
  const itemId = initialItem.id;
  const [state, setState] = useState<AutosaveState>(() => initialAutosaveState(initialItem, editable));
  // Events arrive from timers and network callbacks between renders: each one must see the state the last one left.
  const current = useRef(state);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);

  const dispatch = useCallback(
    (event: AutosaveEvent) => {
      const { state: next, effects } = autosaveTransition(current.current, event);
      current.current = next;
      setState(next);
      for (const effect of effects) run(effect);
    },
    // run (below) reads only refs and the item id.
    [itemId],
  );

  function run(effect: AutosaveEffect) {
    switch (effect.type) {
      case "writeLocalCopy":
        return writeLocalCopy(itemId, { ...effect.copy, savedAt: new Date().toISOString(), evidence: evidence?.snapshot() });
      case "clearLocalCopy":
        return clearLocalCopy(itemId);
      case "cancelTimer":
        return clearTimeout(timer.current);
      case "armTimer":
        clearTimeout(timer.current);
        timer.current = setTimeout(() => dispatch({ type: "saveRequested" }), effect.delayMs);
        return;
      case "send":
        inFlight.current = send(effect.version, effect.fields);
        return;
    }
  }

  async function send(version: number, fields: DraftFields): Promise<void> {
    try {
      const saved = await callOperation(updateDraft, {
        params: { itemId },
        body: { version, ...payloadOf(fields), ...(evidence ? { evidence: evidence.snapshot() } : {}) },
      });
      dispatch({ type: "saved", item: saved });
    } catch (error) {
      const server = error instanceof ApiRequestError && error.status === 409 && error.failure.code === "conflict" ? error.detail("current", itemSchema) : null;
      if (server) dispatch({ type: "conflictFound", server });
      else dispatch({ type: "saveFailed", error, online: typeof navigator === "undefined" || navigator.onLine, jitter: Math.random() });
    }
  }

  const setFields = useCallback(
    (update: Partial<DraftFields>) => {
      dispatch({ type: "edited", update });
    },
    [dispatch],
  );

  // On load: text typed here that the server never confirmed comes back, and is saved or shown as a conflict.
  useEffect(() => {
    if (!editable) return;
    const copy = takeUnconfirmedCopy(itemId);
    evidence?.adopt(copy?.evidence);
    dispatch({ type: "localCopyFound", copy });
  }, [editable, itemId, dispatch]);

  useEffect(() => {
    const online = () => dispatch({ type: "wentOnline" });
    const offline = () => dispatch({ type: "wentOffline" });
    const warn = (event: BeforeUnloadEvent) => {
      if (!current.current.hasLocalCopy) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      window.removeEventListener("beforeunload", warn);
      clearTimeout(timer.current);
    };
  }, [dispatch]);

  const setItem = useCallback((item: ItemView) => dispatch({ type: "itemReplaced", item }), [dispatch]);
  const openConflict = useCallback((server: ItemView) => dispatch({ type: "conflictFound", server }), [dispatch]);
  /** Resolves a conflict: keep my text on top of the server's version, or take the server's text. */
  const resolveConflict = useCallback((choice: "mine" | "server") => dispatch({ type: "conflictResolved", choice }), [dispatch]);

  /** Saves now and waits; returns the version the server holds and whether it has exactly the text shown. */
  const flush = useCallback(async () => {
    dispatch({ type: "saveRequested" });
    // A save answered may start the one queued behind it: wait until none is on its way.
    while (current.current.sending && inFlight.current) await inFlight.current;
    const settled = current.current;
    return { version: settled.baseVersion, confirmed: !settled.hasLocalCopy && !settled.conflict };
  }, [dispatch]);

  return {
    item: state.item,
    setItem,
    fields: state.fields,
    setFields,
    saveState: state.saveState,
    refusal: state.refusal,
    conflict: state.conflict,
    openConflict,
    resolveConflict,
    flush,
  };
}
