// Statements sent together as one simple query (lib/database/one-round-trip.ts), against the real server: values
// written in as literals come back exactly as given, whatever they hold; an error anywhere undoes every statement;
// a statement over the time limit is a busy database (503), not a bug.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { databaseUnavailableError } from "@/lib/database/database-unavailable";
import { queryInOneRoundTrip } from "@/lib/database/one-round-trip";
import { db, disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestUser } from "@/tests/support/seed-users";

after(disconnectDb);

test("strings, numbers, dates, arrays and nulls written into the text come back exactly as given", async () => {
  const hostile = [
    "it's",
    "back\\slash\\' OR '1'='1",
    "'); DROP TABLE users; --",
    "$1 $2 \\$3",
    "E'\\x41'",
    "línea\ncon\tsaltos y ñ, l·l, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "",
  ];
  const when = new Date("2026-12-02T01:02:03.456Z");
  const [row] = await queryInOneRoundTrip<{ texts: string[]; each: string; negative: number; fraction: string; at: Date; nothing: string | null; yes: boolean }>([
    Prisma.sql`SELECT ${hostile}::text[] AS texts, ${hostile[1]}::text AS each, ${-42}::int AS negative, ${0.125}::numeric::text AS fraction,
                      ${when}::timestamptz AS at, ${null}::text AS nothing, ${true}::boolean AS yes`,
  ]);
  assert.deepEqual(row!.texts, hostile);
  assert.equal(row!.each, hostile[1]);
  assert.equal(row!.negative, -42);
  assert.equal(row!.fraction, "0.125");
  assert.equal(row!.at.toISOString(), when.toISOString());
  assert.equal(row!.nothing, null);
  assert.equal(row!.yes, true);
  const [empty] = await queryInOneRoundTrip<{ n: number }>([Prisma.sql`SELECT cardinality(${[]}::text[]) AS n`]);
  assert.equal(empty!.n, 0);
});

test("the statements are one transaction: an error in the last undoes the first", async () => {
  const user = await createTestUser("annotator", ["es"]);
  await assert.rejects(
    queryInOneRoundTrip([
      Prisma.sql`UPDATE users SET name = ${"Cambiado"} WHERE id = ${user.id}::uuid`,
      Prisma.sql`SELECT 1 / ${0}::int`,
    ]),
    (error: unknown) => (error as { code?: string }).code === "22012",
  );
  const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(stored.name, user.name);
  // And when all succeed, all are kept, the last one's rows returned.
  const rows = await queryInOneRoundTrip<{ name: string }>([
    Prisma.sql`UPDATE users SET name = ${"Cambiado"} WHERE id = ${user.id}::uuid`,
    Prisma.sql`SELECT name FROM users WHERE id = ${user.id}::uuid`,
  ]);
  assert.deepEqual(rows, [{ name: "Cambiado" }]);
});

test("the statements run under the transactions' time limit, and a statement cancelled by it reads as a busy database", async () => {
  const [setting] = await queryInOneRoundTrip<{ limit: string }>([Prisma.sql`SELECT current_setting('statement_timeout') AS limit`]);
  assert.equal(setting!.limit, `${env().ESCRIBA_DB_TRANSACTION_TIMEOUT_MS / 1000}s`);
  // A tighter limit set by a statement of the batch itself, so as not to wait the whole default.
  const error = await queryInOneRoundTrip([Prisma.sql`SET LOCAL statement_timeout = 100`, Prisma.sql`SELECT pg_sleep(${5})`]).then(
    () => null,
    (caught: unknown) => caught,
  );
  assert.equal((error as { code?: string } | null)?.code, "57014");
  assert.equal(databaseUnavailableError(error)?.code, "unavailable");
});

test("a statement prepared once per connection answers with each call's own values, and a failed first batch leaves no trace", async () => {
  const squares = await Promise.all(
    Array.from({ length: 30 }, (_, n) =>
      queryInOneRoundTrip<{ square: number; word: string }>([Prisma.sql`SELECT ${n}::int * ${n}::int AS square, ${`w${n}`}::text AS word`], {
        prepareLastAs: "escriba_test_square",
      }),
    ),
  );
  assert.deepEqual(
    squares.map(([row]) => row),
    Array.from({ length: 30 }, (_, n) => ({ square: n * n, word: `w${n}` })),
  );
  // The batch that prepares fails after preparing: the connection is dropped, so no later call finds a statement it
  // did not expect or misses one it did.
  await assert.rejects(
    queryInOneRoundTrip([Prisma.sql`SELECT 1 / ${0}::int AS never`], { prepareLastAs: "escriba_test_failing" }),
    (error: unknown) => (error as { code?: string }).code === "22012",
  );
  for (let call = 0; call < 12; call++) {
    const [row] = await queryInOneRoundTrip<{ half: number }>([Prisma.sql`SELECT ${call * 2}::int / 2 AS half`], { prepareLastAs: "escriba_test_failing" });
    assert.equal(row!.half, call);
  }
});
