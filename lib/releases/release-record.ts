// One released item as it appears in the files: the frozen approved revision, remaining PII masked, the author
// replaced by a pseudonym. The same fields, in the same order, in JSONL and Parquet.
import { createHmac } from "node:crypto";
import { maskPiiCounting } from "@/lib/quality/pii";
import { buildRecord } from "./compile-release-columns";
import type { FrozenRevisionRow, ReleaseRecord } from "./release-columns";

/** Stable across releases for one person and one installation; without the key it cannot be turned back. */
export function annotatorPseudonym(key: string, authorId: string): string {
  return `annotator-${createHmac("sha256", key).update(authorId).digest("hex").slice(0, 16)}`;
}

/** The pseudonyms of one build: each author's HMAC computed once, however many of the items they wrote. */
export function annotatorPseudonyms(key: string): (authorId: string) => string {
  const known = new Map<string, string>();
  return (authorId) => {
    let pseudonym = known.get(authorId);
    if (pseudonym === undefined) {
      pseudonym = annotatorPseudonym(key, authorId);
      known.set(authorId, pseudonym);
    }
    return pseudonym;
  };
}

/** Turns frozen rows into release records: PII masked in the texts, authors pseudonymous, times in ISO 8601. */
export function releaseRecordMaker(pseudonymOf: (authorId: string) => string) {
  return (row: FrozenRevisionRow): { record: ReleaseRecord; maskedSpans: number } => buildRecord(row, pseudonymOf, maskPiiCounting);
}
