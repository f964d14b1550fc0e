// `escriba restore FILE`: into an empty database, the schema the backup was taken at (its own migrations), every
// row, then the migrations this version adds; then every release file into the configured storage (disk or S3).
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { cp, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { extract as extractTar } from "tar";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { applyPendingMigrations, MIGRATIONS_DIR, readMigrationFiles } from "@/lib/database/migrations";
import { db } from "@/lib/db";
import { enqueueReleaseBuild } from "@/lib/releases/release-jobs";
import { releaseFileStore, stagingFolder } from "@/lib/releases/release-storage";
import { BACKUP_DESCRIPTION_FILE, backupDescriptionSchema, quoted, RELEASES_FOLDER, type BackupDescription } from "./backup-format";

export interface RestoreSummary {
  tables: number;
  releaseFiles: number;
  migrationsAdded: string[];
}

/** Every sequence a column owns (serial, identity), set past the highest value restored. */
const RESET_SEQUENCES_SQL = `
  SELECT format('SELECT setval(%L, COALESCE((SELECT max(%I) FROM %I.%I), 0) + 1, false)', s.oid::regclass, a.attname, n.nspname, t.relname) AS statement
  FROM pg_class s
  JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
  JOIN pg_class t ON t.oid = d.refobjid
  JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
  WHERE s.relkind = 'S'`;

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The backup's migrations, each the same file this version of escriba has (else the rows may not fit). */
async function backupMigrationsFolder(description: BackupDescription, work: string): Promise<string> {
  const known = new Map((await readMigrationFiles()).map((migration) => [migration.name, migration.checksum]));
  const folder = path.join(work, "migrations");
  await mkdir(folder);
  for (const migration of description.migrations) {
    const checksum = known.get(migration.name);
    if (checksum === undefined) throw new Error(`The backup was taken by a newer escriba (migration ${migration.name} is unknown here); restore it with that version.`);
    if (checksum !== migration.checksum) throw new Error(`Migration ${migration.name} differs from the one the backup was taken with.`);
    await cp(path.join(MIGRATIONS_DIR, migration.name), path.join(folder, migration.name), { recursive: true });
  }
  return folder;
}

async function loadRows(connectionString: string, description: BackupDescription, work: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Rows go in as they were: no triggers (roll-ups, immutability guards) and no foreign-key order to follow.
    await client.query("SET LOCAL session_replication_role = replica");
    // Migrations may seed rows (settings, say); the backup's rows replace them.
    await client.query(`TRUNCATE ${description.tables.map((table) => quoted(table.name)).join(", ")}`);
    for (const table of description.tables) {
      const copy = client.query(copyFrom(`COPY ${quoted(table.name)} (${table.columns.map(quoted).join(", ")}) FROM STDIN`));
      await pipeline(createReadStream(path.join(work, table.file)), copy);
    }
    for (const { statement } of (await client.query<{ statement: string }>(RESET_SEQUENCES_SQL)).rows) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

async function assertEmptyDatabase(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ tables: number }>(`SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'`);
    if ((rows[0]?.tables ?? 0) > 0) {
      throw new Error("The database is not empty: restore into a new database (or an empty ESCRIBA_DATA_DIR), never over live data.");
    }
  } finally {
    await client.end().catch(() => {});
  }
}

export async function restoreBackup(connectionString: string, file: string, log: (line: string) => void = () => {}): Promise<RestoreSummary> {
  await assertEmptyDatabase(connectionString);
  // Unpacked beside the disk store's folders, so that its release folders can be moved into place.
  const work = stagingFolder(`restore-${randomUUID()}`, 0);
  await mkdir(work, { recursive: true });
  try {
    await extractTar({ file: path.resolve(file), cwd: work, strict: true });
    const description = backupDescriptionSchema.parse(JSON.parse(await readFile(path.join(work, BACKUP_DESCRIPTION_FILE), "utf8")));

    await applyPendingMigrations(connectionString, { dir: await backupMigrationsFolder(description, work) });
    await loadRows(connectionString, description, work);
    const migrationsAdded = (await migrateDatabase(connectionString)).filter((name) => !description.migrations.some((m) => m.name === name));
    // The job queue is not in the backup: builds that were waiting for a worker are queued again (one that was under
    // way is a stalled build, which the workers' recovery restarts).
    const waiting = await db().release.findMany({ where: { status: "queued" }, select: { id: true, buildAttempt: true } });
    await db().$transaction(async (tx) => {
      for (const release of waiting) await enqueueReleaseBuild(tx, release.id, release.buildAttempt);
    });
    log(`Database: ${description.tables.length} tables restored${migrationsAdded.length ? `, then ${migrationsAdded.length} newer migration(s) applied` : ""}.`);

    const store = releaseFileStore();
    const releases = new Map<string, BackupDescription["releaseFiles"]>();
    for (const entry of description.releaseFiles) releases.set(entry.releaseId, [...(releases.get(entry.releaseId) ?? []), entry]);
    for (const [releaseId, files] of releases) {
      const folder = path.join(work, RELEASES_FOLDER, releaseId);
      for (const entry of files) {
        if ((await sha256Of(path.join(folder, entry.path))) !== entry.sha256) throw new Error(`Release file ${releaseId}/${entry.path} in the backup is damaged.`);
      }
      await store.putRelease(releaseId, folder, files.map((entry) => entry.path));
    }
    log(`Release files: ${description.releaseFiles.length} (into ${store.kind} storage).`);
    return { tables: description.tables.length, releaseFiles: description.releaseFiles.length, migrationsAdded };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
