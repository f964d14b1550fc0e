"use client";
// Autosave for the editor: a local copy on every keystroke, a server save ~1.5 s after the last one, retries with
// backoff while offline, and a conflict (never an overwrite) when the server has moved on.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiRequestError, callApi } from "@/components/api-client";
import type { ItemView } from "@/lib/items/schemas";
import {
  clearLocalCopy,
  readLocalCopy,
  sameFields,
  takeUnconfirmedCopy,
  writeLocalCopy,
  type DraftFields,
} from "@/components/writing/local-draft-copy";

/**
 * offline: no network; retrying: the server failed (restart, 5xx) and we try again; busy: the server said 503 (too
 * many saves at once, or its database briefly away) and we try again when it asks; refused: the server said no to
 * this text (4xx), so retrying alone will not help. In all of them the text is kept on this device.
 */
export type SaveState = "saved" | "unsaved" | "saving" | "offline" | "retrying" | "busy" | "refused" | "conflict";

const AUTOSAVE_DELAY_MS = 1500;
const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 30_000;

export function fieldsOf(item: ItemView): DraftFields {
  return {
    category: item.category,
    instruction: item.instruction,
    context: item.context ?? "",
    response: item.response,
    sourceUrl: item.sourceUrl ?? "",
    sourceLicense: item.sourceLicense ?? "",
    variety: item.variety ?? "",
  };
}

function payloadOf(fields: DraftFields) {
  return {
    category: fields.category,
    instruction: fields.instruction,
    context: fields.context === "" ? null : fields.context,
    response: fields.response,
    sourceUrl: fields.sourceUrl === "" ? null : fields.sourceUrl,
    sourceLicense: fields.sourceLicense === "" ? null : fields.sourceLicense,
    variety: fields.variety === "" ? null : fields.variety,
  };
}

/** The server's own "try again in N seconds" (503 unavailable carries it in Retry-After and in the error details). */
function retryAfterMs(error: unknown): number | null {
  if (!(error instanceof ApiRequestError) || error.status !== 503) return null;
  const seconds = (error.failure as { details?: { retryAfterSeconds?: unknown } }).details?.retryAfterSeconds;
  return typeof seconds === "number" && seconds > 0 ? seconds * 1000 : null;
}

/** Whether a failed save is worth retrying by itself: the network or the server, not the request. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiRequestError)) return true;
  return error.status >= 500 || error.status === 408 || error.status === 429;
}

export function useDraftAutosave(initialItem: ItemView, editable: boolean) {
  const [item, setItem] = useState(initialItem);
  const [fields, setFieldsState] = useState<DraftFields>(() => fieldsOf(initialItem));
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [refusal, setRefusal] = useState<ApiRequestError | null>(null);
  const [conflict, setConflict] = useState<{ server: ItemView; mine: DraftFields } | null>(null);
  const fieldsRef = useRef(fields);
  const baseVersion = useRef(initialItem.version);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const failures = useRef(0);
  /** Mirrors `conflict` for callbacks: while a conflict is open nothing is saved over either version. */
  const conflictRef = useRef(false);

  const openConflict = useCallback((server: ItemView) => {
    conflictRef.current = true;
    clearTimeout(timer.current);
    setConflict({ server, mine: fieldsRef.current });
    setSaveState("conflict");
  }, []);

  const save = useCallback(async (): Promise<void> => {
    if (!editable || conflictRef.current) return;
    clearTimeout(timer.current);
    if (inFlight.current) {
      await inFlight.current;
      // The text may have changed while the previous save ran: save again if so.
      if (readLocalCopy(initialItem.id)) return save();
      return;
    }
    const sent = fieldsRef.current;
    setSaveState("saving");
    inFlight.current = (async () => {
      try {
        const saved = await callApi<ItemView>(`/api/v1/items/${initialItem.id}`, {
          method: "PATCH",
          body: { version: baseVersion.current, ...payloadOf(sent) },
        });
        failures.current = 0;
        setRefusal(null);
        baseVersion.current = saved.version;
        setItem(saved);
        if (sameFields(fieldsRef.current, sent)) {
          clearLocalCopy(initialItem.id);
          setSaveState("saved");
        } else {
          writeLocalCopy(initialItem.id, { fields: fieldsRef.current, baseVersion: saved.version, savedAt: new Date().toISOString() });
          setSaveState("unsaved");
        }
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 409 && error.failure.code === "conflict") {
          const server = (error.failure as unknown as { details?: { current?: ItemView } }).details?.current;
          if (server) return openConflict(server);
        }
        // Whatever went wrong, the local copy still holds the text.
        if (!isTransient(error)) {
          setRefusal(error as ApiRequestError);
          setSaveState("refused");
          return;
        }
        const asked = retryAfterMs(error);
        setSaveState(
          typeof navigator !== "undefined" && !navigator.onLine
            ? "offline"
            : asked !== null
              ? "busy"
              : error instanceof ApiRequestError
                ? "retrying"
                : "offline",
        );
        // Never sooner than the server asked; spread out a little, so that writers refused together do not all
        // come back in the same instant.
        const backoff = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures.current);
        const delay = Math.max(backoff, asked ?? 0) * (1 + Math.random() * 0.25);
        failures.current += 1;
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void save(), delay);
      }
    })();
    await inFlight.current;
    inFlight.current = null;
  }, [editable, initialItem.id, openConflict]);

  const setFields = useCallback(
    (update: Partial<DraftFields>) => {
      const next = { ...fieldsRef.current, ...update };
      fieldsRef.current = next;
      setFieldsState(next);
      writeLocalCopy(initialItem.id, { fields: next, baseVersion: baseVersion.current, savedAt: new Date().toISOString() });
      if (conflictRef.current) return;
      setSaveState("unsaved");
      failures.current = 0;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [initialItem.id, save],
  );

  // On load: text typed here that the server never confirmed comes back, and is saved or shown as a conflict.
  useEffect(() => {
    if (!editable) return;
    const local = takeUnconfirmedCopy(initialItem.id);
    // Copies written before a field existed take the server's value for it.
    const restored = local ? { ...fieldsOf(initialItem), ...local.fields } : null;
    if (!local || !restored || sameFields(restored, fieldsOf(initialItem))) {
      if (local) clearLocalCopy(initialItem.id);
      return;
    }
    fieldsRef.current = restored;
    setFieldsState(restored);
    if (local.baseVersion === initialItem.version) {
      setSaveState("unsaved");
      void save();
    } else {
      openConflict(initialItem);
    }
  }, [editable, initialItem, save, openConflict]);

  useEffect(() => {
    const retry = () => {
      failures.current = 0;
      if (readLocalCopy(initialItem.id) && !conflictRef.current) void save();
    };
    const markOffline = () => {
      if (readLocalCopy(initialItem.id) && !conflictRef.current) setSaveState("offline");
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (!readLocalCopy(initialItem.id)) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("online", retry);
    window.addEventListener("offline", markOffline);
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("online", retry);
      window.removeEventListener("offline", markOffline);
      window.removeEventListener("beforeunload", warn);
      clearTimeout(timer.current);
    };
  }, [initialItem.id, save]);

  /** Resolves a conflict: keep my text on top of the server's version, or take the server's text. */
  const resolveConflict = useCallback(
    (choice: "mine" | "server") => {
      if (!conflict) return;
      baseVersion.current = conflict.server.version;
      setItem(conflict.server);
      conflictRef.current = false;
      setConflict(null);
      if (choice === "server") {
        const serverFields = fieldsOf(conflict.server);
        fieldsRef.current = serverFields;
        setFieldsState(serverFields);
        clearLocalCopy(initialItem.id);
        setSaveState("saved");
      } else {
        // What is in the fields now: the author may have kept typing while the conflict was shown.
        setFields(fieldsRef.current);
        void save();
      }
    },
    [conflict, initialItem.id, save, setFields],
  );

  /** Saves now and waits; returns the version the server holds and whether it has exactly the text shown. */
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (readLocalCopy(initialItem.id)) await save();
    return { version: baseVersion.current, confirmed: !readLocalCopy(initialItem.id) && !conflictRef.current };
  }, [initialItem.id, save]);

  return { item, setItem, fields, setFields, saveState, refusal, conflict, openConflict, resolveConflict, flush };
}
