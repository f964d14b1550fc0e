// Normalises item text for the exact-duplicate check and measures trigram similarity for near duplicates.
import { createHash } from "node:crypto";
import { normaliseForDuplicates } from "./duplicate-normalisation";
import { itemSimilarityKeysOfNormalised } from "./similarity-keys";
import type { ItemLanguage } from "@/lib/vocabulary";

export { normaliseForDuplicates };

export interface FingerprintedFields {
  instruction: string;
  context?: string | null;
  response: string;
}

/** Hex sha256 of the normalised fields; equal fingerprints mean an exact duplicate. */
export function itemFingerprint(item: FingerprintedFields): string {
  return fingerprintOfNormalised(normalisedFields(item));
}

/**
 * What the duplicate lookups of an item's text are made of: its fingerprint and its band keys (similarity-keys.ts),
 * each field normalised once for both.
 */
export function duplicateKeysOf(item: FingerprintedFields & { language: ItemLanguage }): { fingerprint: string; similarityKeys: number[] } {
  const normalised = normalisedFields(item);
  const [instruction, , response] = normalised;
  return {
    fingerprint: fingerprintOfNormalised(normalised),
    similarityKeys: itemSimilarityKeysOfNormalised(item.language, { instruction, response }),
  };
}

function normalisedFields(item: FingerprintedFields): [string, string, string] {
  return [normaliseForDuplicates(item.instruction), normaliseForDuplicates(item.context ?? ""), normaliseForDuplicates(item.response)];
}

function fingerprintOfNormalised(normalised: [string, string, string]): string {
  // A JSON array keeps field boundaries unambiguous ("ab" + "c" never collides with "a" + "bc").
  return createHash("sha256").update(JSON.stringify(normalised), "utf8").digest("hex");
}

/**
 * The set of trigrams of `text` as PostgreSQL's pg_trgm builds it: the text is lower-cased and split into
 * words at every character that is not a letter or digit; each word is padded with two spaces before and
 * one after ("gat" → "  gat ") and contributes all of its three-character substrings.
 */
export function trigramsOf(text: string): Set<string> {
  const trigrams = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word === "") continue;
    // By code point, so a letter outside the BMP is one character, as it is to PostgreSQL.
    const padded = [" ", " ", ...word, " "];
    for (let i = 0; i + 3 <= padded.length; i++) trigrams.add(padded[i]! + padded[i + 1]! + padded[i + 2]!);
  }
  return trigrams;
}

/**
 * Trigram Jaccard similarity, the same definition as pg_trgm's `similarity(a, b)`: shared trigrams divided
 * by distinct trigrams of both texts, 0 when either text has none. Lets callers and tests check the
 * database's near-duplicate threshold without a database.
 */
export function textSimilarity(a: string, b: string): number {
  return trigramSimilarity(trigramsOf(a), trigramsOf(b));
}

/** textSimilarity of two texts' trigram sets, for a text compared with many (build its set once). */
export function trigramSimilarity(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  const [smaller, larger] = left.size <= right.size ? [left, right] : [right, left];
  let shared = 0;
  for (const trigram of smaller) if (larger.has(trigram)) shared++;
  return shared / (left.size + right.size - shared);
}
