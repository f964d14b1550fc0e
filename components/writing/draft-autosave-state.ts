// What the editor's autosave knows and how each event changes it, as a pure function: the next state and the
// effects to run (write or clear the local copy, send a save, arm or cancel the timer). `use-draft-autosave.ts`
// runs the effects; nothing here touches the network, storage, timers or the clock, so every rule is unit-tested.
import { ApiRequestError } from "@/components/api-client";
import { sameFields, type DraftFields, type LocalDraftCopy } from "@/components/writing/local-draft-copy";
import type { ItemView } from "@/lib/items/schemas";

/**
 * offline: no network; retrying: the server failed (restart, 5xx) and we try again; busy: the server said 503 (too
 * many saves at once, or its database briefly away) and we try again when it asks; refused: the server said no to
 * this text (4xx), so retrying alone will not help. In all of them the text is kept on this device.
 */
export type SaveState = "saved" | "unsaved" | "saving" | "offline" | "retrying" | "busy" | "refused" | "conflict";

export const AUTOSAVE_DELAY_MS = 1500;
const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 30_000;

export interface AutosaveState {
  /** Whether the item was open for writing when the editor opened; a read-only editor never saves. */
  editable: boolean;
  /** The item as the server last returned it. */
  item: ItemView;
  /** The text on screen. */
  fields: DraftFields;
  /** The server version the text on screen is typed on top of: what the next save sends. */
  baseVersion: number;
  saveState: SaveState;
  /** Why the server refused the text, while saveState is "refused". */
  refusal: ApiRequestError | null;
  /** While open, nothing is saved over either version. */
  conflict: { server: ItemView; mine: DraftFields } | null;
  /** A local copy of the text exists on this device, i.e. the server has not confirmed the text on screen. */
  hasLocalCopy: boolean;
  /** The text of the save on its way to the server, if one is. */
  sending: DraftFields | null;
  /** A save was asked for while another was on its way: it follows as soon as that one is answered. */
  saveQueued: boolean;
  /** Failed saves in a row, for the backoff. */
  failures: number;
}

export type AutosaveEvent =
  /** The page opened: the copy this device kept from an earlier visit, if any. */
  | { type: "localCopyFound"; copy: LocalDraftCopy | null }
  | { type: "edited"; update: Partial<DraftFields> }
  /** The autosave or retry timer fired, or someone pressed Save. */
  | { type: "saveRequested" }
  | { type: "saved"; item: ItemView }
  /** The server holds another version (a stale save or submit): show both. */
  | { type: "conflictFound"; server: ItemView }
  /** A save failed; `online` is the browser's view of the network, `jitter` a number in [0, 1) to spread retries. */
  | { type: "saveFailed"; error: unknown; online: boolean; jitter: number }
  | { type: "wentOnline" }
  | { type: "wentOffline" }
  | { type: "conflictResolved"; choice: "mine" | "server" }
  /** The item changed on the server for another reason (e.g. it was submitted). */
  | { type: "itemReplaced"; item: ItemView };

export type AutosaveEffect =
  | { type: "writeLocalCopy"; copy: Omit<LocalDraftCopy, "savedAt"> }
  | { type: "clearLocalCopy" }
  | { type: "send"; version: number; fields: DraftFields }
  | { type: "armTimer"; delayMs: number }
  | { type: "cancelTimer" };

export interface AutosaveTransition {
  state: AutosaveState;
  effects: AutosaveEffect[];
}

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

/** The API's form of the fields: empty optional text is null. */
export function payloadOf(fields: DraftFields) {
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

export function initialAutosaveState(item: ItemView, editable: boolean): AutosaveState {
  return {
    editable,
    item,
    fields: fieldsOf(item),
    baseVersion: item.version,
    saveState: "saved",
    refusal: null,
    conflict: null,
    hasLocalCopy: false,
    sending: null,
    saveQueued: false,
    failures: 0,
  };
}

/** The server's own "try again in N seconds" (503 unavailable carries it in Retry-After and in the error details). */
function retryAfterMs(error: unknown): number | null {
  if (!(error instanceof ApiRequestError) || error.status !== 503) return null;
  const seconds = error.failure.details?.retryAfterSeconds;
  return typeof seconds === "number" && seconds > 0 ? seconds * 1000 : null;
}

/** Whether a failed save is worth retrying by itself: the network or the server, not the request. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiRequestError)) return true;
  return error.status >= 500 || error.status === 408 || error.status === 429;
}

const writeCopy = (state: AutosaveState): AutosaveEffect => ({ type: "writeLocalCopy", copy: { fields: state.fields, baseVersion: state.baseVersion } });

function startSave(state: AutosaveState, effects: AutosaveEffect[]): AutosaveTransition {
  return {
    state: { ...state, sending: state.fields, saveQueued: false, saveState: "saving" },
    effects: [...effects, { type: "cancelTimer" }, { type: "send", version: state.baseVersion, fields: state.fields }],
  };
}

function requestSave(state: AutosaveState, effects: AutosaveEffect[] = []): AutosaveTransition {
  if (!state.editable || state.conflict || !state.hasLocalCopy) return { state, effects };
  if (state.sending) return { state: { ...state, saveQueued: true }, effects: [...effects, { type: "cancelTimer" }] };
  return startSave(state, effects);
}

function openConflict(state: AutosaveState, server: ItemView): AutosaveTransition {
  return {
    state: { ...state, sending: null, saveQueued: false, conflict: { server, mine: state.fields }, saveState: "conflict" },
    effects: [{ type: "cancelTimer" }],
  };
}

export function autosaveTransition(state: AutosaveState, event: AutosaveEvent): AutosaveTransition {
  switch (event.type) {
    case "localCopyFound": {
      if (!state.editable || !event.copy) return { state, effects: [] };
      // Copies written before a field existed take the server's value for it.
      const restored = { ...fieldsOf(state.item), ...event.copy.fields };
      if (sameFields(restored, fieldsOf(state.item))) return { state, effects: [{ type: "clearLocalCopy" }] };
      const withCopy = { ...state, fields: restored, hasLocalCopy: true };
      // Typed on top of what the server still holds: save it; on top of an older version: both side by side.
      return event.copy.baseVersion === state.item.version ? startSave(withCopy, []) : openConflict(withCopy, state.item);
    }
    case "edited": {
      const edited = { ...state, fields: { ...state.fields, ...event.update }, hasLocalCopy: true };
      if (edited.conflict) return { state: edited, effects: [writeCopy(edited)] };
      return {
        state: { ...edited, saveState: "unsaved", failures: 0 },
        effects: [writeCopy(edited), { type: "armTimer", delayMs: AUTOSAVE_DELAY_MS }],
      };
    }
    case "saveRequested":
      return requestSave(state);
    case "saved": {
      const sent = state.sending ?? state.fields;
      const next = { ...state, sending: null, failures: 0, refusal: null, item: event.item, baseVersion: event.item.version };
      const confirmed = sameFields(next.fields, sent);
      // Text typed while this save was on its way stays on this device, now on top of the version just saved.
      const settled: AutosaveTransition = confirmed
        ? { state: { ...next, hasLocalCopy: false, saveState: "saved" }, effects: [{ type: "clearLocalCopy" }] }
        : { state: { ...next, saveState: "unsaved" }, effects: [writeCopy(next)] };
      return state.saveQueued ? requestSave({ ...settled.state, saveQueued: false }, settled.effects) : settled;
    }
    case "conflictFound":
      // The server already holds exactly the text being saved: a save of it that was still on its way when the page
      // reloaded landed after the reloaded page read the item, so the copy restored from this device was sent again
      // on the older version. Nothing would be overwritten and there is nothing to choose: it is saved.
      if (state.sending && sameFields(fieldsOf(event.server), state.sending)) return autosaveTransition(state, { type: "saved", item: event.server });
      return openConflict(state, event.server);
    case "saveFailed": {
      const failed = { ...state, sending: null, saveQueued: false };
      // Whatever went wrong, the local copy still holds the text.
      if (!isTransient(event.error)) {
        return { state: { ...failed, refusal: event.error as ApiRequestError, saveState: "refused" }, effects: [] };
      }
      const asked = retryAfterMs(event.error);
      const saveState: SaveState = !event.online ? "offline" : asked !== null ? "busy" : event.error instanceof ApiRequestError ? "retrying" : "offline";
      // Never sooner than the server asked; spread out a little, so that writers refused together do not all come
      // back in the same instant.
      const backoff = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** state.failures);
      const delayMs = Math.max(backoff, asked ?? 0) * (1 + event.jitter * 0.25);
      return { state: { ...failed, saveState, failures: state.failures + 1 }, effects: [{ type: "armTimer", delayMs }] };
    }
    case "wentOnline":
      return requestSave({ ...state, failures: 0 });
    case "wentOffline":
      return state.hasLocalCopy && !state.conflict ? { state: { ...state, saveState: "offline" }, effects: [] } : { state, effects: [] };
    case "conflictResolved": {
      if (!state.conflict) return { state, effects: [] };
      const { server } = state.conflict;
      const settled = { ...state, conflict: null, item: server, baseVersion: server.version };
      if (event.choice === "server") {
        return { state: { ...settled, fields: fieldsOf(server), hasLocalCopy: false, saveState: "saved" }, effects: [{ type: "clearLocalCopy" }] };
      }
      // What is in the fields now (the author may have kept typing while the conflict was shown), on top of the
      // server's version, saved at once.
      const mine = { ...settled, hasLocalCopy: true, failures: 0 };
      return requestSave(mine, [writeCopy(mine)]);
    }
    case "itemReplaced":
      return { state: { ...state, item: event.item }, effects: [] };
  }
}
