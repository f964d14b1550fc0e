// For tests of migrations: an empty database and an empty migrations folder of the file's own, and a folder of the
// real migrations up to a given one, so that applyPendingMigrations brings a database to the state just before a
// migration, and then through it.
import { randomBytes } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import pg from "pg";
import { applyPendingMigrations, MIGRATIONS_DIR, readMigrationFiles } from "@/lib/database/migrations";
import { createDatabase, dropDatabase } from "@/tests/support/test-databases";

/**
 * An empty database (no migration applied) and an empty folder for migrations, made before the file's tests and
 * dropped after them. Call at the top level of the file; read the fields inside tests.
 */
export function migrationScratchForThisFile(prefix: string): { readonly databaseUrl: string; readonly dir: string } {
  const adminUrl = process.env.ESCRIBA_TEST_ADMIN_URL!;
  const databaseName = `${prefix}_${randomBytes(4).toString("hex")}`;
  let scratch: { databaseUrl: string; dir: string } | undefined;
  before(async () => {
    scratch = {
      databaseUrl: await createDatabase(adminUrl, databaseName),
      dir: await mkdtemp(path.join(tmpdir(), `${prefix.replaceAll("_", "-")}-`)),
    };
  });
  after(async () => {
    await dropDatabase(adminUrl, databaseName);
    if (scratch) await rm(scratch.dir, { recursive: true, force: true });
  });
  const made = () => {
    if (!scratch) throw new Error("the scratch database is made in a before() hook; use it inside tests");
    return scratch;
  };
  return {
    get databaseUrl() {
      return made().databaseUrl;
    },
    get dir() {
      return made().dir;
    },
  };
}

/** Copies into `dir` the real migrations up to and including `last` (those already there are copied again). */
export async function copyMigrationsUpTo(dir: string, last: string): Promise<void> {
  for (const { name } of await readMigrationFiles()) {
    if (name > last) break;
    await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
}

/** The name of the migration that comes just before `name`. */
export async function migrationBefore(name: string): Promise<string> {
  const earlier = (await readMigrationFiles()).map((migration) => migration.name).filter((other) => other < name);
  const last = earlier.at(-1);
  if (!last) throw new Error(`no migration comes before ${name}`);
  return last;
}

type MigrationScratch = ReturnType<typeof migrationScratchForThisFile>;

/**
 * Brings the scratch database through every real migration before `name`, for a test to write the data the migration
 * will meet, and returns a client connected to it (the test ends it).
 */
export async function connectJustBefore(scratch: MigrationScratch, name: string): Promise<pg.Client> {
  await copyMigrationsUpTo(scratch.dir, await migrationBefore(name));
  await applyPendingMigrations(scratch.databaseUrl, { dir: scratch.dir });
  const client = new pg.Client({ connectionString: scratch.databaseUrl });
  await client.connect();
  return client;
}

/** Applies the real migrations up to and including `name` to the scratch database; returns the names applied. */
export async function migrateThrough(scratch: MigrationScratch, name: string): Promise<string[]> {
  await copyMigrationsUpTo(scratch.dir, name);
  return applyPendingMigrations(scratch.databaseUrl, { dir: scratch.dir });
}
