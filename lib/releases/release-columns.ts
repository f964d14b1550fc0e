// The columns of a release, in one table: the SELECT list the builder reads, the COPY decoder's field order, the
// row and record types, the JSONL record and the Parquet schema are all made from it. A new column is one line here
// (and, since it changes the files, new digests in tests/integration/release-bytes.test.ts).
import type { ParquetSchema } from "./release-files";

/** How a value travels: its PostgreSQL type in COPY's binary format, and its type once decoded. */
interface ValueKinds {
  uuid: string;
  text: string;
  int4: number;
  timestamptz: Date;
}
type ValueKind = keyof ValueKinds;

/**
 * What a column becomes in the files: `as-is`, `pii-masked` (text with remaining personal data replaced by
 * `[EMAIL]`, `[PHONE]`, …), `pseudonym` (an author id replaced by its keyed pseudonym); absent when the column is
 * read for the card's statistics only.
 */
type Release = { field: string; as: "as-is" | "pii-masked" | "pseudonym" };

interface ColumnSpec {
  /** The key in a frozen row, and the alias in the SELECT list. */
  row: string;
  /** The expression read, over `release_items ri`, `item_revisions r`, `items i` and `guidelines g`. */
  sql: string;
  kind: ValueKind;
  nullable: boolean;
  release?: Release;
}

export const RELEASE_COLUMNS = [
  { row: "itemId", sql: "ri.item_id", kind: "uuid", nullable: false, release: { field: "id", as: "as-is" } },
  { row: "language", sql: "ri.language::text", kind: "text", nullable: false, release: { field: "language", as: "as-is" } },
  { row: "variety", sql: "r.variety", kind: "text", nullable: true, release: { field: "variety", as: "as-is" } },
  { row: "category", sql: "r.category::text", kind: "text", nullable: false, release: { field: "category", as: "as-is" } },
  { row: "instruction", sql: "r.instruction", kind: "text", nullable: false, release: { field: "instruction", as: "pii-masked" } },
  { row: "context", sql: "r.context", kind: "text", nullable: true, release: { field: "context", as: "pii-masked" } },
  { row: "response", sql: "r.response", kind: "text", nullable: false, release: { field: "response", as: "pii-masked" } },
  { row: "sourceUrl", sql: "r.source_url", kind: "text", nullable: true, release: { field: "source_url", as: "as-is" } },
  { row: "sourceLicense", sql: "r.source_license", kind: "text", nullable: true, release: { field: "source_license", as: "as-is" } },
  { row: "guidelineVersion", sql: "g.version", kind: "int4", nullable: true, release: { field: "guideline_version", as: "as-is" } },
  { row: "authorId", sql: "i.author_id", kind: "uuid", nullable: false, release: { field: "annotator", as: "pseudonym" } },
  // Counted for the card's guideline table; not released.
  { row: "campaignId", sql: "i.campaign_id", kind: "uuid", nullable: false },
  { row: "createdAt", sql: "i.created_at", kind: "timestamptz", nullable: false, release: { field: "created_at", as: "as-is" } },
] as const satisfies readonly ColumnSpec[];

type Column = (typeof RELEASE_COLUMNS)[number];
type ReleasedColumn = Extract<Column, { release: Release }>;
type Nullable<C extends Column, T> = C["nullable"] extends true ? T | null : T;

/** A row as read from the database for one release entry. */
export type FrozenRevisionRow = { -readonly [C in Column as C["row"]]: Nullable<C, ValueKinds[C["kind"]]> };

/** One line of a release's JSONL file (and one row of its Parquet file): times as ISO 8601, pseudonyms as text. */
export type ReleaseRecord = {
  -readonly [C in ReleasedColumn as C["release"]["field"]]: Nullable<C, C["kind"] extends "int4" ? number : string>;
};

export const RELEASED_COLUMNS: readonly ReleasedColumn[] = RELEASE_COLUMNS.filter(
  (column): column is ReleasedColumn => "release" in column,
);

/** The SELECT list of the builder's read, in decoder order. */
export const RELEASE_SELECT_LIST = RELEASE_COLUMNS.map((column) => `${column.sql} AS "${column.row}"`).join(", ");

/** The Parquet schema of a release file; the JSONL lines carry the same fields in the same order. */
export const RELEASE_PARQUET_SCHEMA: ParquetSchema = [
  { name: "root", num_children: RELEASED_COLUMNS.length },
  ...RELEASED_COLUMNS.map((column) => {
    const name = column.release.field;
    const repetition_type = column.nullable ? ("OPTIONAL" as const) : ("REQUIRED" as const);
    if (column.kind === "int4") return { name, type: "INT32" as const, repetition_type };
    if (column.kind === "timestamptz") {
      return {
        name,
        type: "INT64" as const,
        repetition_type,
        converted_type: "TIMESTAMP_MILLIS" as const,
        logical_type: { type: "TIMESTAMP" as const, isAdjustedToUTC: true, unit: "MILLIS" as const },
      };
    }
    return { name, type: "BYTE_ARRAY" as const, converted_type: "UTF8" as const, repetition_type };
  }),
];
