// The editor's autosave rules, event by event: what is kept on this device, when a save goes out, what a conflict,
// a refusal, a busy server or a dropped network do to the text and to the line that says where it is.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiRequestError } from "@/components/api-client";
import {
  AUTOSAVE_DELAY_MS,
  autosaveTransition,
  initialAutosaveState,
  type AutosaveEffect,
  type AutosaveEvent,
  type AutosaveState,
} from "@/components/writing/draft-autosave-state";
import type { ItemView } from "@/lib/items/schemas";

const ITEM: ItemView = {
  id: "00000000-0000-4000-8000-000000000001",
  campaignId: "00000000-0000-4000-8000-000000000002",
  guidelineId: null,
  guidelineVersion: null,
  authorId: "00000000-0000-4000-8000-000000000003",
  language: "gl",
  variety: null,
  category: "open_qa",
  status: "draft",
  instruction: "Que é a néboa?",
  context: null,
  response: "",
  sourceUrl: null,
  sourceLicense: null,
  languageJustification: null,
  piiDeclaredFictional: false,
  version: 1,
  reviewRound: 0,
  submittedAt: null,
  createdAt: "2026-12-01T10:00:00.000Z",
  updatedAt: "2026-12-01T10:00:00.000Z",
  latestFeedback: null,
  evidence: null,
};
const serverAt = (version: number, response = ITEM.response): ItemView => ({ ...ITEM, version, response });

/** Runs events one after another from a fresh editor; returns the last state and every effect asked for. */
function after(events: AutosaveEvent[], start: AutosaveState = initialAutosaveState(ITEM, true)) {
  let state = start;
  const effects: AutosaveEffect[] = [];
  for (const event of events) {
    const transition = autosaveTransition(state, event);
    state = transition.state;
    effects.push(...transition.effects);
  }
  return { state, effects };
}
const sends = (effects: AutosaveEffect[]) => effects.filter((effect) => effect.type === "send");
const last = <T>(list: T[]) => list[list.length - 1];
const typed = (response: string): AutosaveEvent => ({ type: "edited", update: { response } });
const failed = (error: unknown, online = true): AutosaveEvent => ({ type: "saveFailed", error, online, jitter: 0 });
const httpError = (status: number, details?: Record<string, unknown>) =>
  new ApiRequestError(status, { code: status === 503 ? "unavailable" : "validation_failed", message: "no", fields: [], ...(details ? { details } : {}) });

test("typing keeps a local copy at once and saves only after a pause", () => {
  const { state, effects } = after([typed("A")]);
  assert.equal(state.saveState, "unsaved");
  assert.equal(state.hasLocalCopy, true);
  assert.deepEqual(effects, [
    { type: "writeLocalCopy", copy: { fields: { ...state.fields }, baseVersion: 1 } },
    { type: "armTimer", delayMs: AUTOSAVE_DELAY_MS },
  ]);
  assert.equal(state.fields.response, "A");
});

test("a confirmed save of the text on screen drops the local copy", () => {
  const { state, effects } = after([typed("A"), { type: "saveRequested" }, { type: "saved", item: serverAt(2, "A") }]);
  assert.deepEqual(sends(effects), [{ type: "send", version: 1, fields: { ...state.fields } }]);
  assert.equal(state.saveState, "saved");
  assert.equal(state.hasLocalCopy, false);
  assert.equal(state.baseVersion, 2);
  assert.deepEqual(last(effects), { type: "clearLocalCopy" });
});

test("text typed while a save is on its way stays on this device, on top of the version just saved, and is saved next", () => {
  const { state, effects } = after([
    typed("A"),
    { type: "saveRequested" },
    typed("AB"),
    { type: "saveRequested" },
    { type: "saved", item: serverAt(2, "A") },
  ]);
  assert.equal(state.hasLocalCopy, true);
  assert.equal(state.fields.response, "AB");
  // The copy is rewritten on the new base version, and the queued save goes out at once on top of version 2.
  assert.ok(effects.some((effect) => effect.type === "writeLocalCopy" && effect.copy.baseVersion === 2 && effect.copy.fields.response === "AB"));
  assert.deepEqual(last(sends(effects)), { type: "send", version: 2, fields: { ...state.fields } });
  assert.equal(state.saveState, "saving");
});

test("no save goes out without unconfirmed text, and none while a conflict is open", () => {
  assert.deepEqual(sends(after([{ type: "saveRequested" }]).effects), []);
  const { state, effects } = after([typed("A"), { type: "conflictFound", server: serverAt(5, "theirs") }, typed("AB"), { type: "saveRequested" }, { type: "wentOnline" }]);
  assert.equal(state.saveState, "conflict");
  assert.deepEqual(sends(effects), []);
  // Typing during the conflict is still kept on this device.
  assert.deepEqual(last(effects.filter((effect) => effect.type === "writeLocalCopy")), { type: "writeLocalCopy", copy: { fields: { ...state.fields }, baseVersion: 1 } });
  assert.equal(state.conflict?.mine.response, "A");
});

test("a stale write becomes a conflict: keeping mine saves my text on top of the server's version, never over it blindly", () => {
  const conflicted = after([typed("mine"), { type: "saveRequested" }, { type: "conflictFound", server: serverAt(7, "theirs") }]);
  assert.equal(conflicted.state.saveState, "conflict");
  assert.equal(conflicted.state.sending, null);
  const { state, effects } = after([{ type: "conflictResolved", choice: "mine" }], conflicted.state);
  assert.equal(state.conflict, null);
  assert.equal(state.item.version, 7);
  assert.deepEqual(sends(effects), [{ type: "send", version: 7, fields: { ...state.fields } }]);
  assert.equal(state.fields.response, "mine");
});

test("taking the server's text replaces mine and drops the local copy", () => {
  const conflicted = after([typed("mine"), { type: "saveRequested" }, { type: "conflictFound", server: serverAt(7, "theirs") }]);
  const { state, effects } = after([{ type: "conflictResolved", choice: "server" }], conflicted.state);
  assert.equal(state.fields.response, "theirs");
  assert.equal(state.hasLocalCopy, false);
  assert.equal(state.saveState, "saved");
  assert.deepEqual(effects, [{ type: "clearLocalCopy" }]);
});

test("a dropped network keeps the text, says offline and retries with a growing backoff; coming back online saves at once", () => {
  const first = after([typed("A"), { type: "saveRequested" }, failed(new TypeError("Failed to fetch"), false)]);
  assert.equal(first.state.saveState, "offline");
  assert.equal(first.state.hasLocalCopy, true);
  assert.deepEqual(last(first.effects), { type: "armTimer", delayMs: 2000 });
  const second = after([{ type: "saveRequested" }, failed(new TypeError("Failed to fetch"), false)], first.state);
  assert.deepEqual(last(second.effects), { type: "armTimer", delayMs: 4000 });
  const back = after([{ type: "wentOnline" }], second.state);
  assert.equal(back.state.failures, 0);
  assert.deepEqual(sends(back.effects), [{ type: "send", version: 1, fields: { ...back.state.fields } }]);
});

test("going offline with unconfirmed text says so; with nothing unconfirmed it changes nothing", () => {
  assert.equal(after([typed("A"), { type: "wentOffline" }]).state.saveState, "offline");
  assert.equal(after([{ type: "wentOffline" }]).state.saveState, "saved");
});

test("a busy server is retried no sooner than it asked, spread by the jitter", () => {
  const { state, effects } = after([typed("A"), { type: "saveRequested" }, { type: "saveFailed", error: httpError(503, { retryAfterSeconds: 5 }), online: true, jitter: 0.5 }]);
  assert.equal(state.saveState, "busy");
  assert.deepEqual(last(effects), { type: "armTimer", delayMs: 5000 * 1.125 });
  assert.equal(after([typed("A"), { type: "saveRequested" }, failed(httpError(500))]).state.saveState, "retrying");
});

test("a refused text is not retried by itself, and the refusal is kept for the status line", () => {
  const refusal = httpError(422);
  const { state, effects } = after([typed("A"), { type: "saveRequested" }, failed(refusal)]);
  assert.equal(state.saveState, "refused");
  assert.equal(state.refusal, refusal);
  assert.equal(state.hasLocalCopy, true);
  assert.equal(effects.filter((effect) => effect.type === "armTimer").length, 1, "only the autosave timer of the edit");
});

test("on load, a copy typed on the server's version is saved; one typed on an older version opens a conflict", () => {
  const copy = { fields: { ...initialAutosaveState(ITEM, true).fields, response: "kept" }, baseVersion: 1, savedAt: "2026-12-01T10:01:00.000Z" };
  const same = after([{ type: "localCopyFound", copy }]);
  assert.equal(same.state.fields.response, "kept");
  assert.deepEqual(sends(same.effects), [{ type: "send", version: 1, fields: { ...same.state.fields } }]);
  const older = after([{ type: "localCopyFound", copy: { ...copy, baseVersion: 0 } }]);
  assert.equal(older.state.saveState, "conflict");
  assert.deepEqual(sends(older.effects), []);
});

test("a stale save of text the server already holds is saved, not a conflict (a reload raced the save before it)", () => {
  // The page reloaded while a save of "kept" was on its way; the reloaded page read version 1, then that save made
  // version 2; the copy restored on load is sent on version 1 and refused as stale, with version 2 holding "kept".
  const copy = { fields: { ...initialAutosaveState(ITEM, true).fields, response: "kept" }, baseVersion: 1, savedAt: "2026-12-01T10:01:00.000Z" };
  const raced = after([{ type: "localCopyFound", copy }, { type: "conflictFound", server: serverAt(2, "kept") }]);
  assert.equal(raced.state.conflict, null);
  assert.equal(raced.state.saveState, "saved");
  assert.equal(raced.state.baseVersion, 2);
  assert.equal(raced.state.hasLocalCopy, false);
  assert.deepEqual(last(raced.effects), { type: "clearLocalCopy" });
  // Typed on since: kept on this device on top of version 2, saved next; the server's different text is still a conflict.
  const typedOn = after([{ type: "localCopyFound", copy }, typed("kept on"), { type: "conflictFound", server: serverAt(2, "kept") }]);
  assert.equal(typedOn.state.conflict, null);
  assert.equal(typedOn.state.saveState, "unsaved");
  assert.ok(typedOn.effects.some((effect) => effect.type === "writeLocalCopy" && effect.copy.baseVersion === 2 && effect.copy.fields.response === "kept on"));
  const theirs = after([{ type: "localCopyFound", copy }, { type: "conflictFound", server: serverAt(2, "theirs") }]);
  assert.equal(theirs.state.saveState, "conflict");
});

test("on load, a copy equal to the server's text is dropped, and a read-only editor ignores copies", () => {
  const fields = initialAutosaveState(ITEM, true).fields;
  const equal = after([{ type: "localCopyFound", copy: { fields, baseVersion: 1, savedAt: "2026-12-01T10:01:00.000Z" } }]);
  assert.deepEqual(equal.effects, [{ type: "clearLocalCopy" }]);
  assert.equal(equal.state.hasLocalCopy, false);
  const readOnly = after([{ type: "localCopyFound", copy: { fields: { ...fields, response: "x" }, baseVersion: 1, savedAt: "" } }], initialAutosaveState(ITEM, false));
  assert.deepEqual(readOnly.effects, []);
  assert.equal(readOnly.state.fields.response, "");
});

test("a copy from before a field existed takes the server's value for that field", () => {
  const { instruction, response } = initialAutosaveState(ITEM, true).fields;
  const copy = { fields: { instruction, response: "kept" } as never, baseVersion: 1, savedAt: "" };
  const { state } = after([{ type: "localCopyFound", copy }]);
  assert.equal(state.fields.category, "open_qa");
  assert.equal(state.fields.response, "kept");
});
