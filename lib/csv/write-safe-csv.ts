// CSV for people who open it in a spreadsheet: written by csv-stringify (quoting, line breaks, a header row) with every
// text cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) prefixed
// with an apostrophe, so a name like "=HYPERLINK(…)" stays text. Shared by every CSV escriba writes.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number ("-2.50") is a value, not a formula: it keeps its sign so spreadsheets read it as a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

const safe = (cell: CsvCell) => (typeof cell === "string" ? neutraliseFormula(cell) : cell === null ? "" : String(cell));

export function writeSafeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return writeSafeCsvRows([header, ...rows]);
}

/** Rows without a header: the next piece of a CSV that is streamed out batch by batch. */
export function writeSafeCsvRows(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows.map((row) => row.map(safe)), { record_delimiter: "\r\n" });
}
