// The statement CSV: formula injection neutralised in text cells, amounts exact and never altered, same bytes
// every time, totals per currency in integer cents.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readCsv } from "@/tests/support/read-csv";
import { fromCents, normaliseMoney, toCents, totalsByCurrency } from "@/lib/pay/money";
import { amountCell, sha256Hex, statementsCsv, textCell, type CsvStatement } from "@/lib/pay/statement-csv";

const statement: CsvStatement = {
  periodLabel: "2026-11",
  personName: "=HYPERLINK(\"http://evil.example\",\"clic\")",
  personEmail: "+34@example.org",
  lines: [
    {
      position: 1,
      kind: "item",
      itemId: "6f1c1c7e-0000-4000-8000-000000000001",
      reviewId: null,
      occurredAt: new Date("2026-11-03T10:00:00.123Z"),
      campaign: "@campaña",
      rate: "2.50",
      amount: "2.50",
      currency: "EUR",
      reason: null,
      addedBy: null,
    },
    {
      position: 2,
      kind: "adjustment",
      itemId: null,
      reviewId: null,
      occurredAt: new Date("2026-11-04T10:00:00Z"),
      campaign: null,
      rate: null,
      amount: "-5.00",
      currency: "EUR",
      reason: "-2+3 duplicado\r\n\tsegunda línea",
      addedBy: "maintainer@escriba.test",
    },
  ],
};

test("text cells a spreadsheet would run as formulas get an apostrophe; amounts stay plain decimals", () => {
  for (const dangerous of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) assert.equal(textCell(dangerous), `'${dangerous}`);
  assert.equal(textCell("Ana"), "Ana");
  assert.equal(amountCell("-5.00"), "-5.00");
  assert.throws(() => amountCell("=1+1"));
  assert.throws(() => amountCell("1.5"));

  const rows = readCsv(statementsCsv([statement]));
  const [header, item, adjustment, total] = rows;
  assert.deepEqual(header!.slice(0, 5), ["period", "person_email", "person_name", "line", "kind"]);
  assert.equal(item![1], "'+34@example.org");
  assert.equal(item![2], "'=HYPERLINK(\"http://evil.example\",\"clic\")");
  assert.equal(item![8], "'@campaña");
  assert.equal(item![7], "2026-11-03T10:00:00.123Z");
  assert.equal(adjustment![10], "-5.00", "a negative amount is not prefixed");
  assert.equal(adjustment![12], "'-2+3 duplicado\r\n\tsegunda línea");
  assert.deepEqual([total![4], total![10], total![11]], ["total", "-2.50", "EUR"]);
  assert.equal(rows.length, 4);
});

test("the same statement gives the same bytes and hash", () => {
  const first = statementsCsv([statement]);
  assert.equal(statementsCsv([structuredClone(statement)]), first);
  assert.equal(sha256Hex(first), sha256Hex(statementsCsv([statement])));
});

test("money is summed in cents, never in floating point", () => {
  assert.equal(fromCents(toCents("0.10") + toCents("0.20")), "0.30");
  assert.deepEqual(totalsByCurrency([
    { currency: "EUR", amount: "0.10" },
    { currency: "USD", amount: "1.00" },
    { currency: "EUR", amount: "0.20" },
    { currency: "EUR", amount: "-0.35" },
  ]), [{ currency: "EUR", amount: "-0.05" }, { currency: "USD", amount: "1.00" }]);
  assert.equal(normaliseMoney("12.5"), "12.50");
  assert.equal(normaliseMoney("-5"), "-5.00");
  assert.equal(normaliseMoney("1.234"), "1.234");
});
