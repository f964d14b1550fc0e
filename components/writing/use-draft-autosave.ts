"use client";
// Autosave for the editor: a local copy on every keystroke, a server save ~1.5 s after the last one, retries
// while offline, and a conflict (never an overwrite) when the server has moved on.
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

export type SaveState = "saved" | "unsaved" | "saving" | "offline" | "conflict";

const AUTOSAVE_DELAY_MS = 1500;
const RETRY_DELAY_MS = 4000;

export function fieldsOf(item: ItemView): DraftFields {
  return {
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
    instruction: fields.instruction,
    context: fields.context === "" ? null : fields.context,
    response: fields.response,
    sourceUrl: fields.sourceUrl === "" ? null : fields.sourceUrl,
    sourceLicense: fields.sourceLicense === "" ? null : fields.sourceLicense,
    variety: fields.variety === "" ? null : fields.variety,
  };
}

export function useDraftAutosave(initialItem: ItemView, editable: boolean) {
  const [item, setItem] = useState(initialItem);
  const [fields, setFieldsState] = useState<DraftFields>(() => fieldsOf(initialItem));
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [conflict, setConflict] = useState<{ server: ItemView; mine: DraftFields } | null>(null);
  const fieldsRef = useRef(fields);
  const baseVersion = useRef(initialItem.version);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const activeSeconds = useRef(new Set<number>());
  /** Mirrors `conflict` for callbacks: while a conflict is open nothing is saved over either version. */
  const conflictRef = useRef(false);

  const save = useCallback(async (): Promise<void> => {
    if (!editable || conflictRef.current) return;
    if (inFlight.current) {
      await inFlight.current;
      // The text may have changed while the previous save ran: save again if so.
      if (readLocalCopy(initialItem.id)) return save();
      return;
    }
    const sent = fieldsRef.current;
    const seconds = Math.min(600, activeSeconds.current.size);
    setSaveState("saving");
    inFlight.current = (async () => {
      try {
        const saved = await callApi<ItemView>(`/api/v1/items/${initialItem.id}`, {
          method: "PATCH",
          body: { version: baseVersion.current, ...payloadOf(sent), ...(seconds > 0 ? { activeSeconds: seconds } : {}) },
        });
        activeSeconds.current.clear();
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
          if (server) {
            conflictRef.current = true;
            setConflict({ server, mine: fieldsRef.current });
            setSaveState("conflict");
            return;
          }
        }
        // Network down, server restarting, or any other failure: the local copy holds the text; try again.
        setSaveState("offline");
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void save(), RETRY_DELAY_MS);
      }
    })();
    await inFlight.current;
    inFlight.current = null;
  }, [editable, initialItem.id]);

  const setFields = useCallback(
    (update: Partial<DraftFields>) => {
      const next = { ...fieldsRef.current, ...update };
      fieldsRef.current = next;
      setFieldsState(next);
      activeSeconds.current.add(Math.floor(Date.now() / 1000));
      writeLocalCopy(initialItem.id, { fields: next, baseVersion: baseVersion.current, savedAt: new Date().toISOString() });
      setSaveState((state) => (state === "conflict" ? state : "unsaved"));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [initialItem.id, save],
  );

  // On load: text typed here that the server never confirmed comes back, and is saved or shown as a conflict.
  useEffect(() => {
    if (!editable) return;
    const local = takeUnconfirmedCopy(initialItem.id);
    if (!local || sameFields(local.fields, fieldsOf(initialItem))) {
      if (local) clearLocalCopy(initialItem.id);
      return;
    }
    fieldsRef.current = local.fields;
    setFieldsState(local.fields);
    if (local.baseVersion === initialItem.version) {
      setSaveState("unsaved");
      void save();
    } else {
      conflictRef.current = true;
      setConflict({ server: initialItem, mine: local.fields });
      setSaveState("conflict");
    }
  }, [editable, initialItem, save]);

  useEffect(() => {
    const retry = () => {
      if (readLocalCopy(initialItem.id) && !conflictRef.current) void save();
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (readLocalCopy(initialItem.id)) event.preventDefault();
    };
    window.addEventListener("online", retry);
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("online", retry);
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
        setFields(conflict.mine);
        void save();
      }
    },
    [conflict, initialItem.id, save, setFields],
  );

  /** Saves now and waits; returns the version the server holds afterwards. */
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (readLocalCopy(initialItem.id)) await save();
    return baseVersion.current;
  }, [initialItem.id, save]);

  return { item, setItem, fields, setFields, saveState, conflict, resolveConflict, flush, save, baseVersion };
}
