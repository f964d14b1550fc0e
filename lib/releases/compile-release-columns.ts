// A release build decodes, converts and reshapes every row once per column, a million rows at a time, so the
// functions that do it are compiled once from RELEASE_COLUMNS into straight-line code (object literals with the
// table's keys, one property access per column) instead of looping over the table for each row: in V8 a loop's
// computed property loads and stores go megamorphic, which cost a million-item build about 8 s (3.1× the COPY floor
// instead of 2.3×). The table stays the one source; only static names from it are written into the code.
import { RELEASE_COLUMNS, RELEASED_COLUMNS, type FrozenRevisionRow, type ReleaseRecord } from "./release-columns";
import type { ParquetColumnValues } from "./release-files";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const name = (identifier: string) => {
  if (!IDENTIFIER.test(identifier)) throw new Error(`Not a plain identifier in RELEASE_COLUMNS: ${identifier}`);
  return identifier;
};

/** What the decoder offers the compiled row builder: one reader per value kind. */
export interface FieldReader {
  uuid(nullable: boolean, column: string): string | null;
  text(nullable: boolean, column: string): string | null;
  int4(nullable: boolean, column: string): number | null;
  timestamptz(nullable: boolean, column: string): Date | null;
}

/** Reads one row's fields in table order into a FrozenRevisionRow. */
export const decodeRow = new Function(
  "reader",
  `return { ${RELEASE_COLUMNS.map((column) => `${name(column.row)}: reader.${column.kind}(${column.nullable}, "${name(column.row)}")`).join(", ")} };`,
) as (reader: FieldReader) => FrozenRevisionRow;

type Masked = { text: string; spans: number };

const recordExpression = (column: (typeof RELEASED_COLUMNS)[number]) => {
  const value = `row.${name(column.row)}`;
  const { as } = column.release;
  if (as === "pseudonym") return `pseudonymOf(${value})`;
  if (as === "pii-masked") {
    const masked = `(masked = mask(${value}), spans += masked.spans, masked.text)`;
    return column.nullable ? `${value} === null ? null : ${masked}` : masked;
  }
  if (column.kind === "timestamptz") return `${value}.toISOString()`;
  return value;
};

/** One released record per row: PII masked in the texts (spans counted), authors pseudonymous, times in ISO 8601. */
export const buildRecord = new Function(
  "row",
  "pseudonymOf",
  "mask",
  `let spans = 0; let masked;
   const record = { ${RELEASED_COLUMNS.map((column) => `${name(column.release.field)}: ${recordExpression(column)}`).join(", ")} };
   return { record, maskedSpans: spans };`,
) as (
  row: FrozenRevisionRow,
  pseudonymOf: (authorId: string) => string,
  mask: (text: string) => Masked,
) => { record: ReleaseRecord; maskedSpans: number };

/** Records turned into Parquet columns, in schema order (times as UTC milliseconds). */
export const toParquetColumns = new Function(
  "records",
  `return [${RELEASED_COLUMNS.map((column) => {
    const field = name(column.release.field);
    const read = column.kind === "timestamptz" ? `BigInt(Date.parse(record.${field}))` : `record.${field}`;
    return `{ name: "${field}", data: records.map((record) => ${read}) }`;
  }).join(", ")}];`,
) as (records: readonly ReleaseRecord[]) => { name: string; data: ParquetColumnValues }[];
