// The shared input layer: text PostgreSQL cannot store as sent (NUL, lone surrogates) and integers past an INT
// column are refused with a clear message, and every text and integer an operation takes goes through it.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { z } from "zod";
import { API_OPERATIONS } from "@/lib/http/operations";
import {
  INT32_MAX,
  INT32_MIN,
  int32Schema,
  queryInt32Schema,
  TEXT_NUL_MESSAGE,
  TEXT_SURROGATE_MESSAGE,
  textSchema,
} from "@/lib/input-schemas";
import { walkZodSchema } from "@/tests/support/walk-zod-schema";

const messagesOf = (result: { error?: z.ZodError }) => result.error?.issues.map((issue) => issue.message) ?? [];

test("text refuses NUL and lone surrogates anywhere, and keeps real Unicode as it is", () => {
  const text = textSchema().trim().max(50);
  for (const bad of ["a\u0000b", "\u0000", "fin\u0000"]) assert.deepEqual(messagesOf(text.safeParse(bad)), [TEXT_NUL_MESSAGE], JSON.stringify(bad));
  for (const bad of ["a\ud800", "\ud800b", "\udc00", "x\udc00\ud800y", "\ud83d\ud83d\ude00\ud800"]) {
    assert.deepEqual(messagesOf(text.safeParse(bad)), [TEXT_SURROGATE_MESSAGE], JSON.stringify(bad));
  }
  for (const good of ["Ondo izan, Iñaki 👋", "l'àvia · 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "", "tab\tand\nnewline"]) {
    assert.equal(text.parse(good), good.trim());
  }
});

test("integers bound for an INT column stop at 32 bits, from JSON and from the query string", () => {
  const json = int32Schema().min(1);
  assert.equal(json.parse(INT32_MAX), INT32_MAX);
  for (const bad of [INT32_MAX + 1, 2 ** 53, -1, 0, 1.5]) assert.equal(json.safeParse(bad).success, false, String(bad));
  assert.equal(int32Schema().parse(INT32_MIN), INT32_MIN);
  assert.equal(int32Schema().safeParse(INT32_MIN - 1).success, false);
  const query = queryInt32Schema().min(1);
  assert.equal(query.parse("2147483647"), INT32_MAX);
  for (const bad of ["2147483648", "99999999999999999999", "-1", "1.5", "abc", "1e400"]) {
    assert.equal(query.safeParse(bad).success, false, bad);
  }
});

type Leaf = { operation: string; path: string; schema: z.ZodType };

/** The text and integer fields of every operation's body, path and query. */
function inputLeaves(kind: "string" | "number"): Leaf[] {
  const leaves: Leaf[] = [];
  for (const operation of API_OPERATIONS) {
    for (const [slot, schema] of [["body", operation.body], ["params", operation.params], ["query", operation.query]] as const) {
      if (!schema) continue;
      walkZodSchema(schema, `${operation.operationId} ${slot}`, (leaf, definition, path) => {
        // Ids (uuid) and e-mails carry a format of their own; what is left is free text.
        if (definition.type === kind && !(kind === "string" && definition.format)) leaves.push({ operation: operation.operationId, path, schema: leaf });
      });
    }
  }
  return leaves;
}

test("every text field of every operation refuses NUL and lone surrogates with the shared message", () => {
  const leaves = inputLeaves("string");
  assert.ok(leaves.length >= 30, `found ${leaves.length} text fields`);
  // Search words are the one exception, on purpose: any text is taken and read as plain words (NUL and broken
  // surrogates become spaces, see sanitizeSearchText), because a search box must never answer an error.
  const lax = leaves.filter(({ path, schema }) => {
    if (/ (query\.q|body\.selection\.filter\.q)$/.test(path)) return false;
    const nul = messagesOf(schema.safeParse("ab\u0000cd"));
    const surrogate = messagesOf(schema.safeParse("ab\ud800cd"));
    return !nul.includes(TEXT_NUL_MESSAGE) || !surrogate.includes(TEXT_SURROGATE_MESSAGE);
  });
  assert.deepEqual(lax.map((leaf) => leaf.path), []);
});

test("every integer field of every operation refuses values past 32 bits", () => {
  const leaves = inputLeaves("number");
  assert.ok(leaves.length >= 8, `found ${leaves.length} integer fields`);
  const lax = leaves.filter(({ schema }) => {
    const coerced = (schema as unknown as { _zod: { def: { coerce?: boolean } } })._zod.def.coerce;
    return [INT32_MAX + 1, INT32_MIN - 1].some((value) => schema.safeParse(coerced ? String(value) : value).success);
  });
  assert.deepEqual(lax.map((leaf) => leaf.path), []);
});
