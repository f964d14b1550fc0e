// The shared CSV writer: quoting by csv-stringify, and no cell a spreadsheet would run as a formula.
import assert from "node:assert/strict";
import { test } from "node:test";
import { neutraliseFormula, writeSafeCsv } from "@/lib/csv/write-safe-csv";

test("text cells starting with = + - @ tab or carriage return are prefixed with an apostrophe", () => {
  for (const cell of ["=1+1", "+34 600", "-cmd", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://evil.example")']) {
    assert.equal(neutraliseFormula(cell), `'${cell}`, JSON.stringify(cell));
  }
  for (const cell of ["Ana", "1+1", "", "a=b", "12.50", "-2.50", "0"]) assert.equal(neutraliseFormula(cell), cell, JSON.stringify(cell));
});

test("rows are quoted where needed and formulas neutralised in every text cell", () => {
  const csv = writeSafeCsv(["name", "approved"], [["=cmd|' /C calc'!A0", 3], ['Ane "Txiki", Bilbo', null], ["-2.50", -1]]);
  assert.equal(csv, `name,approved\r\n'=cmd|' /C calc'!A0,3\r\n"Ane ""Txiki"", Bilbo",\r\n-2.50,-1\r\n`);
});
