// Assertions for the PII detector's tests that read like the sentence under test when they fail.
import assert from "node:assert/strict";
import { findPii } from "@/lib/quality/pii";
import type { PiiType } from "@/lib/vocabulary";

/** What findPii reports, as [type, matched text] pairs. */
export function found(text: string): [PiiType, string][] {
  return findPii(text).map((m) => [m.type, text.slice(m.start, m.end)]);
}

export function assertFinds(text: string, type: PiiType, value: string) {
  assert.deepEqual(found(text), [[type, value]], text);
}

export function assertClean(text: string) {
  assert.deepEqual(found(text), [], text);
}
