// Fails when schema.prisma and prisma/migrations disagree: all migrations are applied to an empty database and
// its catalog is compared with the schema.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import pg from "pg";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { actualFacts, describeDrift, expectedFacts, type SchemaFacts } from "@/tests/support/schema-drift";
import { createDatabase, dropDatabase } from "@/tests/support/test-databases";

/** Indexes created by hand-written SQL that Prisma's schema language cannot express (partial, trigram). */
const HAND_WRITTEN_INDEXES = new Set<string>([
  "items:index[gin](similarity_keys)",
  "items:index[gin](search_vector)",
  "items:index[partial](submitted_at,id)",
  "items:index[partial](created_at,id)",
  "item_revisions:index[partial](item_id)",
  "pay_periods:index[gist](expression)",
]);

const adminUrl = process.env.ESCRIBA_TEST_ADMIN_URL;
if (!adminUrl) throw new Error("ESCRIBA_TEST_ADMIN_URL is not set: run the tests with `npm test`.");
const databaseName = `escriba_drift_${randomBytes(4).toString("hex")}`;
let databaseUrl: string;
let expected: SchemaFacts;

before(async () => {
  databaseUrl = await createDatabase(adminUrl, databaseName);
  await migrateDatabase(databaseUrl);
  expected = await expectedFacts("prisma/schema.prisma");
});

after(async () => {
  await dropDatabase(adminUrl, databaseName);
});

test("the migrations build exactly the database that schema.prisma describes", async () => {
  const drift = describeDrift(expected, await actualFacts(databaseUrl), HAND_WRITTEN_INDEXES);
  assert.deepEqual(drift, [], `schema.prisma and prisma/migrations have drifted:\n${drift.join("\n")}`);
  assert.ok(expected.tables.has("items") && expected.columns.size > 100, "the schema was actually read");
});

// Runs after the test above (node:test runs a file's tests in order) and changes the throwaway database for good.
test("the drift check notices a column, a nullability, an index and a foreign key that differ", async () => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`ALTER TABLE "users" ADD COLUMN "nickname" TEXT`);
    await client.query(`ALTER TABLE "items" ALTER COLUMN "response" DROP NOT NULL`);
    await client.query(`DROP INDEX "items_fingerprint_idx"`);
    await client.query(`ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_id_fkey"`);
    const drift = describeDrift(expected, await actualFacts(databaseUrl), HAND_WRITTEN_INDEXES);
    assert.ok(drift.some((line) => line.includes("users.nickname")), drift.join("\n"));
    assert.ok(drift.some((line) => line.includes("items.response") && line.includes("differs")), drift.join("\n"));
    assert.ok(drift.some((line) => line.includes("items:index(fingerprint)")), drift.join("\n"));
    assert.ok(drift.some((line) => line.startsWith("foreign key missing") && line.includes("sessions(user_id)")), drift.join("\n"));
  } finally {
    await client.end();
  }
});
