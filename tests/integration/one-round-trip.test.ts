// Statements sent together as one simple query (lib/database/one-round-trip.ts), against the real server: values
// written in as literals come back exactly as given, whatever they hold; an error anywhere undoes every statement;
// a statement over the time limit is a busy database (503), not a bug.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { databaseUnavailableError } from "@/lib/database/database-unavailable";
import { prepared, queryEachInOneRoundTrip, queryInOneRoundTrip, transactionInRoundTrips } from "@/lib/database/one-round-trip";
import { databasePool, db, disconnectDb } from "@/lib/db";
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
      queryInOneRoundTrip<{ square: number; word: string }>([prepared(Prisma.sql`SELECT ${n}::int * ${n}::int AS square, ${`w${n}`}::text AS word`)]),
    ),
  );
  assert.deepEqual(
    squares.map(([row]) => row),
    Array.from({ length: 30 }, (_, n) => ({ square: n * n, word: `w${n}` })),
  );
  // The batch that prepares fails after preparing: the connection is dropped, so no later call finds a statement it
  // did not expect or misses one it did; the same statement with other values answers on every connection.
  await assert.rejects(
    queryInOneRoundTrip([prepared(Prisma.sql`SELECT ${12}::int / ${0}::int AS quotient`)]),
    (error: unknown) => (error as { code?: string }).code === "22012",
  );
  for (let call = 1; call <= 12; call++) {
    const [row] = await queryInOneRoundTrip<{ quotient: number }>([prepared(Prisma.sql`SELECT ${12}::int / ${call}::int AS quotient`)]);
    assert.equal(row!.quotient, Math.trunc(12 / call));
  }
});

test("two copies of the module (as the server's bundles hold) share what each prepared on a connection", async () => {
  // A second instance of the same module, as a page's bundle and a route handler's each have one, over the same pool.
  const copy = (await import(`${new URL("../../lib/database/one-round-trip.ts", import.meta.url).href}?copy`)) as typeof import("@/lib/database/one-round-trip");
  const statement = (n: number) => Prisma.sql`SELECT ${n}::int + 1 AS next, 'shared by copies' AS why`;
  // One after the other, so each call takes the connection the last one released: the same connection, each time.
  for (let n = 0; n < 6; n++) {
    const send = n % 2 === 0 ? queryInOneRoundTrip : copy.queryInOneRoundTrip;
    const [row] = await send<{ next: number }>([prepared(statement(n), { genericPlan: n % 3 === 0 })]);
    assert.equal(row!.next, n + 1);
  }
});

test("several statements answer each with its own rows, prepared ones among them, and one plan for every value is set for its statement alone", async () => {
  const user = await createTestUser("annotator", ["es"]);
  for (let call = 1; call <= 8; call++) {
    const [locked, written, read, after] = await queryEachInOneRoundTrip([
      Prisma.sql`SELECT pg_advisory_xact_lock(${call}::bigint) IS NULL AS locked`,
      prepared(Prisma.sql`UPDATE users SET name = ${`round ${call}`} WHERE id = ${user.id}::uuid RETURNING name`, { genericPlan: true }),
      // Reads what the statement before it wrote: one transaction, each statement with a snapshot of its own.
      prepared(Prisma.sql`SELECT name, ${call}::int AS call, current_setting('plan_cache_mode') AS mode FROM users WHERE id = ${user.id}::uuid`),
      Prisma.sql`SELECT current_setting('plan_cache_mode') AS mode`,
    ]);
    assert.deepEqual(locked, [{ locked: false }]);
    assert.deepEqual(written, [{ name: `round ${call}` }]);
    // The prepared statement without a generic plan, and the one after it, plan as the server is configured.
    assert.deepEqual(read, [{ name: `round ${call}`, call, mode: "auto" }]);
    assert.deepEqual(after, [{ mode: "auto" }]);
  }
  const [generic] = await queryInOneRoundTrip<{ mode: string }>([
    prepared(Prisma.sql`SELECT current_setting('plan_cache_mode') AS mode WHERE ${1}::int = 1`, { genericPlan: true }),
  ]);
  assert.equal(generic!.mode, "force_generic_plan");
  // The plan setting ended with its round trip: the next one on any connection plans as the server is configured.
  const [setting] = await queryInOneRoundTrip<{ mode: string }>([Prisma.sql`SELECT current_setting('plan_cache_mode') AS mode`]);
  assert.equal(setting!.mode, "auto");
});

test("a transaction in round trips keeps all of its statements or none, and leaves its connection clean", async () => {
  const user = await createTestUser("annotator", ["es"]);
  const nameOf = async () => (await db().user.findUniqueOrThrow({ where: { id: user.id } })).name;
  const rename = (name: string) => Prisma.sql`UPDATE users SET name = ${name} WHERE id = ${user.id}::uuid RETURNING name`;

  // Work in Node between the round trips throws: the first round trip's write is undone.
  await assert.rejects(
    transactionInRoundTrips(async (send) => {
      await send([rename("Primero")]);
      throw new Error("the check between the statements failed");
    }),
    /the check between/,
  );
  assert.equal(await nameOf(), user.name);

  // A statement of the committing round trip fails: COMMIT is never reached, and the first round trip is undone too.
  await assert.rejects(
    transactionInRoundTrips(async (send) => {
      await send([rename("Primero")]);
      await send([Prisma.sql`SELECT 1 / ${0}::int`], { commit: true });
    }),
    (error: unknown) => (error as { code?: string }).code === "22012",
  );
  assert.equal(await nameOf(), user.name);

  // Every connection of the pool is back outside any transaction (COMMIT on one only warns "no transaction"); one
  // left inside would hand the next caller a transaction that is aborted, or that commits what it should not.
  const clients = await Promise.all(Array.from({ length: env().ESCRIBA_DB_POOL_SIZE }, () => databasePool().connect()));
  try {
    const notices = await Promise.all(
      clients.map(async (client) => {
        const notices: string[] = [];
        client.on("notice", (notice) => notices.push(notice.message ?? ""));
        await client.query("COMMIT");
        client.removeAllListeners("notice");
        return notices.join();
      }),
    );
    assert.deepEqual([...new Set(notices)], ["there is no transaction in progress"]);
  } finally {
    for (const client of clients) client.release();
  }

  // Both round trips succeed: both writes are kept, each send answering with its last statement's rows.
  const answers = await transactionInRoundTrips(async (send) => {
    const first = await send<{ name: string }>([rename("Primero")]);
    const second = await send<{ name: string }>([rename("Segundo"), Prisma.sql`SELECT name || '!' AS name FROM users WHERE id = ${user.id}::uuid`], { commit: true });
    return [first, second];
  });
  assert.deepEqual(answers, [[{ name: "Primero" }], [{ name: "Segundo!" }]]);
  assert.equal(await nameOf(), "Segundo");

  // Work that returns without committing commits.
  await transactionInRoundTrips(async (send) => send([rename("Tercero")]));
  assert.equal(await nameOf(), "Tercero");
});
