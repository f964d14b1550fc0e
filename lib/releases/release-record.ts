// One released item as it appears in the files: the frozen approved revision, remaining PII masked, the author
// replaced by a pseudonym. The same fields, in the same order, in JSONL and Parquet.
import { createHmac } from "node:crypto";
import { maskPiiCounting } from "@/lib/quality/pii";
import type { ParquetColumnValues, ParquetSchema } from "./release-files";

/** A row as read from the database for one release entry. */
export interface FrozenRevisionRow {
  itemId: string;
  language: string;
  variety: string | null;
  category: string;
  instruction: string;
  context: string | null;
  response: string;
  sourceUrl: string | null;
  sourceLicense: string | null;
  guidelineVersion: number | null;
  authorId: string;
  /** Counted for the card's guideline table; not released. */
  campaignId: string;
  createdAt: Date;
}

export interface ReleaseRecord {
  id: string;
  language: string;
  variety: string | null;
  category: string;
  instruction: string;
  context: string | null;
  response: string;
  source_url: string | null;
  source_license: string | null;
  guideline_version: number | null;
  annotator: string;
  created_at: string;
}

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

export function toReleaseRecord(
  row: FrozenRevisionRow,
  pseudonymOf: (authorId: string) => string,
): { record: ReleaseRecord; maskedSpans: number } {
  const instruction = maskPiiCounting(row.instruction);
  const context = row.context === null ? null : maskPiiCounting(row.context);
  const response = maskPiiCounting(row.response);
  return {
    record: {
      id: row.itemId,
      language: row.language,
      variety: row.variety,
      category: row.category,
      instruction: instruction.text,
      context: context?.text ?? null,
      response: response.text,
      source_url: row.sourceUrl,
      source_license: row.sourceLicense,
      guideline_version: row.guidelineVersion,
      annotator: pseudonymOf(row.authorId),
      created_at: row.createdAt.toISOString(),
    },
    maskedSpans: instruction.spans + (context?.spans ?? 0) + response.spans,
  };
}

const text = (name: keyof ReleaseRecord, required: boolean) => ({
  name,
  type: "BYTE_ARRAY" as const,
  converted_type: "UTF8" as const,
  repetition_type: required ? ("REQUIRED" as const) : ("OPTIONAL" as const),
});

/** The Parquet schema of a release file; the JSONL lines carry the same fields. */
export const RELEASE_PARQUET_SCHEMA: ParquetSchema = [
  { name: "root", num_children: 12 },
  text("id", true),
  text("language", true),
  text("variety", false),
  text("category", true),
  text("instruction", true),
  text("context", false),
  text("response", true),
  text("source_url", false),
  text("source_license", false),
  { name: "guideline_version", type: "INT32", repetition_type: "OPTIONAL" },
  text("annotator", true),
  {
    name: "created_at",
    type: "INT64",
    repetition_type: "REQUIRED",
    converted_type: "TIMESTAMP_MILLIS",
    logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "MILLIS" },
  },
];

/** Records turned into Parquet columns, in schema order. */
export function toParquetColumns(records: readonly ReleaseRecord[]): { name: string; data: ParquetColumnValues }[] {
  const column = (name: keyof ReleaseRecord, read: (record: ReleaseRecord) => string | number | bigint | Date | null) => ({
    name,
    data: records.map(read),
  });
  return [
    column("id", (r) => r.id),
    column("language", (r) => r.language),
    column("variety", (r) => r.variety),
    column("category", (r) => r.category),
    column("instruction", (r) => r.instruction),
    column("context", (r) => r.context),
    column("response", (r) => r.response),
    column("source_url", (r) => r.source_url),
    column("source_license", (r) => r.source_license),
    column("guideline_version", (r) => r.guideline_version),
    column("annotator", (r) => r.annotator),
    column("created_at", (r) => BigInt(Date.parse(r.created_at))),
  ];
}
