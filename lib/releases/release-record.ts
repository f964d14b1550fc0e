// One released item as it appears in the files: the frozen approved revision, remaining PII masked, the author
// replaced by a pseudonym. The same fields, in the same order, in JSONL and Parquet.
import { createHmac } from "node:crypto";
import { maskPiiCounting } from "@/lib/quality/pii";
import { RELEASED_COLUMNS, type FrozenRevisionRow, type ReleaseRecord } from "./release-columns";
import type { ParquetColumnValues } from "./release-files";

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

type FieldValue = string | number | null;

/** One converter per released column, in file order: made once from the table, run for every row. */
function recordConverters(pseudonymOf: (authorId: string) => string) {
  return RELEASED_COLUMNS.map((column) => {
    const { field, as } = column.release;
    const read = (row: FrozenRevisionRow) => row[column.row] as string | number | Date | null;
    if (as === "pseudonym") return { field, convert: (row: FrozenRevisionRow) => pseudonymOf(read(row) as string), masks: false };
    if (as === "pii-masked") return { field, convert: read, masks: true };
    if (column.kind === "timestamptz") return { field, convert: (row: FrozenRevisionRow) => (read(row) as Date).toISOString(), masks: false };
    return { field, convert: read, masks: false };
  });
}

/** Turns frozen rows into release records: PII masked in the texts, authors pseudonymous, times in ISO 8601. */
export function releaseRecordMaker(pseudonymOf: (authorId: string) => string) {
  const converters = recordConverters(pseudonymOf);
  return (row: FrozenRevisionRow): { record: ReleaseRecord; maskedSpans: number } => {
    let maskedSpans = 0;
    const record: Record<string, FieldValue> = {};
    for (const { field, convert, masks } of converters) {
      const value = convert(row) as FieldValue;
      if (masks && typeof value === "string") {
        const masked = maskPiiCounting(value);
        maskedSpans += masked.spans;
        record[field] = masked.text;
      } else {
        record[field] = value;
      }
    }
    return { record: record as ReleaseRecord, maskedSpans };
  };
}

/** Records turned into Parquet columns, in schema order (times as UTC milliseconds). */
export function toParquetColumns(records: readonly ReleaseRecord[]): { name: string; data: ParquetColumnValues }[] {
  return RELEASED_COLUMNS.map((column) => {
    const field = column.release.field as keyof ReleaseRecord;
    const data: ParquetColumnValues =
      column.kind === "timestamptz"
        ? records.map((record) => BigInt(Date.parse(record[field] as string)))
        : records.map((record) => record[field]);
    return { name: field, data };
  });
}
