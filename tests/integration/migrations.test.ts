// The offline migration runner: idempotent, all-or-nothing per migration, and refusing edited history.
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import pg from "pg";
import { applyPendingMigrations } from "@/lib/database/migrations";
import { migrationScratchForThisFile } from "@/tests/support/partial-migrations";

const scratch = migrationScratchForThisFile("escriba_migrations");

async function writeMigration(name: string, sql: string) {
  await mkdir(path.join(scratch.dir, name), { recursive: true });
  await writeFile(path.join(scratch.dir, name, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: scratch.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}


test("applies pending migrations once and records them as Prisma Migrate does", async () => {
  await writeMigration("20260101000000_first", `CREATE TABLE "notes" ("id" INTEGER PRIMARY KEY);`);
  assert.deepEqual(await applyPendingMigrations(scratch.databaseUrl, { dir: scratch.dir }), ["20260101000000_first"]);
  assert.deepEqual(await applyPendingMigrations(scratch.databaseUrl, { dir: scratch.dir }), []);
  const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
    `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`,
  );
  assert.equal(rows.length, 1);
  assert.match(rows[0]!.checksum, /^[0-9a-f]{64}$/);
  assert.ok(rows[0]!.finished_at);
  assert.equal(rows[0]!.applied_steps_count, 1);
});

test("a failing migration leaves neither its changes nor a record behind", async () => {
  await writeMigration("20260102000000_broken", `CREATE TABLE "half" ("id" INTEGER); SELECT * FROM "no_such_table";`);
  await assert.rejects(applyPendingMigrations(scratch.databaseUrl, { dir: scratch.dir }), /20260102000000_broken failed/);
  const tables = await query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_name = 'half'`);
  assert.equal(tables.length, 0);
  const records = await query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20260102000000_broken'`);
  assert.equal(records.length, 0);
});

test("an applied migration that was edited afterwards stops the runner", async () => {
  await writeMigration("20260102000000_broken", `SELECT 1;`);
  await applyPendingMigrations(scratch.databaseUrl, { dir: scratch.dir });
  await writeMigration("20260101000000_first", `CREATE TABLE "notes" ("id" BIGINT PRIMARY KEY);`);
  await assert.rejects(applyPendingMigrations(scratch.databaseUrl, { dir: scratch.dir }), /edited after it was applied/);
});
