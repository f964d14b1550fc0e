// `escriba backup FILE`: the whole database (one consistent snapshot, every table COPYed out) and every release
// file from wherever they are stored (disk or S3), in one archive. PostgreSQL's own COPY rather than pg_dump: the
// embedded server ships no pg_dump, and a system pg_dump older than the server refuses to dump it.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { create as createTar } from "tar";
import { currentTime } from "@/lib/clock";
import { releaseFileStore } from "@/lib/releases/release-storage";
import {
  BACKUP_DESCRIPTION_FILE,
  BACKUP_FORMAT,
  LIST_TABLES_SQL,
  quoted,
  RELEASES_FOLDER,
  TABLES_FOLDER,
  type BackupDescription,
} from "./backup-format";

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  releaseFiles: number;
}

/** Passes bytes through while hashing them, so a release file is checked against its digest as it is copied. */
function sha256Passing(onDigest: (hex: string) => void): Transform {
  const hash = createHash("sha256");
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      onDigest(hash.digest("hex"));
      callback();
    },
  });
}

export async function createBackup(connectionString: string, file: string, log: (line: string) => void = () => {}): Promise<BackupSummary> {
  const work = await mkdtemp(path.join(tmpdir(), "escriba-backup-"));
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // One snapshot for every table and the list of release files: the archive is the database at one instant.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = (
      await client.query<{ name: string; checksum: string }>(
        `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows;
    const tables = (await client.query<{ name: string; columns: string[] }>(LIST_TABLES_SQL)).rows;
    await mkdir(path.join(work, TABLES_FOLDER));
    let rows = 0;
    const described: BackupDescription["tables"] = [];
    for (const table of tables) {
      const relative = `${TABLES_FOLDER}/${table.name}.copy`;
      const copy = client.query(copyTo(`COPY ${quoted(table.name)} (${table.columns.map(quoted).join(", ")}) TO STDOUT`));
      await pipeline(copy, createWriteStream(path.join(work, relative)));
      rows += copy.rowCount ?? 0;
      described.push({ name: table.name, columns: table.columns, file: relative });
    }
    const releaseFiles = (
      await client.query<{ releaseId: string; path: string; sizeBytes: string; sha256: string }>(
        `SELECT release_id AS "releaseId", path, size_bytes AS "sizeBytes", sha256 FROM release_files ORDER BY release_id, path`,
      )
    ).rows.map((row) => ({ ...row, sizeBytes: Number(row.sizeBytes) }));
    await client.query("COMMIT");
    log(`Database: ${described.length} tables, ${rows} rows.`);

    const store = releaseFileStore();
    for (const entry of releaseFiles) {
      const stored = await store.openFile(entry.releaseId, entry.path, entry.sizeBytes);
      if (!stored) throw new Error(`Release file ${entry.releaseId}/${entry.path} is missing from ${store.kind} storage.`);
      const target = path.join(work, RELEASES_FOLDER, entry.releaseId, entry.path);
      await mkdir(path.dirname(target), { recursive: true });
      let digest = "";
      await pipeline(stored, sha256Passing((hex) => (digest = hex)), createWriteStream(target));
      if (digest !== entry.sha256) throw new Error(`Release file ${entry.releaseId}/${entry.path} does not match its SHA-256.`);
    }
    log(`Release files: ${releaseFiles.length} (from ${store.kind} storage).`);

    const description: BackupDescription = {
      format: BACKUP_FORMAT,
      createdAt: currentTime().toISOString(),
      migrations,
      tables: described,
      releaseFiles,
    };
    await writeFile(path.join(work, BACKUP_DESCRIPTION_FILE), `${JSON.stringify(description, null, 2)}\n`);
    const absolute = path.resolve(file);
    await createTar({ gzip: true, file: absolute, cwd: work, portable: true }, [BACKUP_DESCRIPTION_FILE, TABLES_FOLDER, ...(releaseFiles.length ? [RELEASES_FOLDER] : [])]);
    return { file: absolute, tables: described.length, rows, releaseFiles: releaseFiles.length };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}
