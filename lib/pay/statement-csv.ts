// The CSV of statements: deterministic (same statement, same bytes, so the SHA-256 kept at closing proves a later
// download unchanged), written by csv-stringify, and safe to open in a spreadsheet: a text cell that a spreadsheet
// would read as a formula gets a leading apostrophe; amounts are checked decimals and never altered.
import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { isMoney, totalsByCurrency } from "./money";

export interface CsvStatement {
  periodLabel: string;
  personName: string;
  personEmail: string;
  lines: readonly CsvStatementLine[];
}

export interface CsvStatementLine {
  position: number;
  kind: "item" | "review" | "adjustment";
  itemId: string | null;
  reviewId: string | null;
  occurredAt: Date;
  campaign: string | null;
  rate: string | null;
  amount: string;
  currency: string;
  reason: string | null;
  addedBy: string | null;
}

export const STATEMENT_CSV_COLUMNS = [
  "period",
  "person_email",
  "person_name",
  "line",
  "kind",
  "item_id",
  "review_id",
  "date",
  "campaign",
  "rate",
  "amount",
  "currency",
  "reason",
  "added_by",
] as const;

/** Characters that make a spreadsheet treat a cell as a formula (or hide its start). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function textCell(value: string | null): string {
  if (value === null) return "";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function amountCell(value: string | null): string {
  if (value === null) return "";
  if (!isMoney(value)) throw new Error(`Refusing to write ${JSON.stringify(value)} as an amount.`);
  return value;
}

function statementRows(statement: CsvStatement): string[][] {
  const person = [textCell(statement.periodLabel), textCell(statement.personEmail), textCell(statement.personName)];
  const lines = statement.lines.map((line) => [
    ...person,
    String(line.position),
    line.kind,
    textCell(line.itemId),
    textCell(line.reviewId),
    line.occurredAt.toISOString(),
    textCell(line.campaign),
    amountCell(line.rate),
    amountCell(line.amount),
    textCell(line.currency),
    textCell(line.reason),
    textCell(line.addedBy),
  ]);
  const totals = totalsByCurrency(statement.lines).map((total) => [
    ...person,
    "",
    "total",
    "",
    "",
    "",
    "",
    "",
    amountCell(total.amount),
    textCell(total.currency),
    "",
    "",
  ]);
  return [...lines, ...totals];
}

/** One person's statement, or everyone's of a period (in the order given), as one CSV file. */
export function statementsCsv(statements: readonly CsvStatement[]): string {
  return stringify([[...STATEMENT_CSV_COLUMNS], ...statements.flatMap(statementRows)], {
    bom: true,
    record_delimiter: "windows",
    quoted_match: /[\s,;]/,
  });
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
