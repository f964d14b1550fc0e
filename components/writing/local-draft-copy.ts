// The browser's copy of an item's text, kept from the first keystroke until the server confirms that exact
// text, so a reload, a closed tab, a network drop or a server restart never loses what was typed.
// Copies are per tab (the tab's id lives in sessionStorage, which survives reloads): a second live tab on the
// same item must not adopt the first tab's unsaved text, but a copy left by a tab that went away is adopted.
import type { WritingEvidenceInput } from "@/lib/provenance/schemas";
import type { ItemCategory } from "@/lib/vocabulary";

export interface DraftFields {
  category: ItemCategory;
  instruction: string;
  context: string;
  response: string;
  sourceUrl: string;
  sourceLicense: string;
  variety: string;
}

export interface LocalDraftCopy {
  fields: DraftFields;
  /** The server version this text was typed on top of. */
  baseVersion: number;
  savedAt: string;
  /** The writing counters that go with this text (authorship evidence), so a reload does not leave its growth unexplained. */
  evidence?: WritingEvidenceInput;
}

/** A copy another tab has not touched for this long belongs to a tab that was closed or crashed. */
const ORPHANED_AFTER_MS = 10_000;

const prefixOf = (itemId: string) => `escriba:item:${itemId}:`;

function tabId(): string {
  let id = window.sessionStorage.getItem("escriba:tab");
  if (!id) {
    id = Math.random().toString(36).slice(2, 10);
    window.sessionStorage.setItem("escriba:tab", id);
  }
  return id;
}

const keyOf = (itemId: string) => `${prefixOf(itemId)}${tabId()}`;

function parse(raw: string | null): LocalDraftCopy | null {
  try {
    return raw ? (JSON.parse(raw) as LocalDraftCopy) : null;
  } catch {
    return null;
  }
}

export function readLocalCopy(itemId: string): LocalDraftCopy | null {
  return parse(window.localStorage.getItem(keyOf(itemId)));
}

export function writeLocalCopy(itemId: string, copy: LocalDraftCopy): void {
  try {
    window.localStorage.setItem(keyOf(itemId), JSON.stringify(copy));
  } catch {
    // A full or disabled storage must not stop typing; the server save still runs.
  }
}

export function clearLocalCopy(itemId: string): void {
  window.localStorage.removeItem(keyOf(itemId));
}

/** Every tab's copy of this item, e.g. when the draft is deleted. */
export function clearAllLocalCopies(itemId: string): void {
  const prefix = prefixOf(itemId);
  for (const key of Object.keys(window.localStorage)) if (key.startsWith(prefix)) window.localStorage.removeItem(key);
}

/** This tab's copy, or else the newest copy a vanished tab left behind (taken over by this tab). */
export function takeUnconfirmedCopy(itemId: string): LocalDraftCopy | null {
  const own = readLocalCopy(itemId);
  if (own) return own;
  const prefix = prefixOf(itemId);
  const now = Date.now();
  const orphans = Object.keys(window.localStorage)
    .filter((key) => key.startsWith(prefix))
    .map((key) => ({ key, copy: parse(window.localStorage.getItem(key)) }))
    .filter((entry): entry is { key: string; copy: LocalDraftCopy } => entry.copy !== null)
    .filter((entry) => now - Date.parse(entry.copy.savedAt) > ORPHANED_AFTER_MS)
    .sort((a, b) => Date.parse(b.copy.savedAt) - Date.parse(a.copy.savedAt));
  const newest = orphans[0];
  if (!newest) return null;
  writeLocalCopy(itemId, newest.copy);
  window.localStorage.removeItem(newest.key);
  return newest.copy;
}

export function sameFields(a: DraftFields, b: DraftFields): boolean {
  return (Object.keys(a) as (keyof DraftFields)[]).every((key) => a[key] === b[key]);
}
