// What an escriba backup holds: one gzipped tar with `backup.json` (this description), one COPY file per table of
// ours, and every registered release file under `releases/<release id>/<path>`.
import { z } from "zod";

export const BACKUP_FORMAT = 1;
export const BACKUP_DESCRIPTION_FILE = "backup.json";
export const TABLES_FOLDER = "tables";
export const RELEASES_FOLDER = "releases";

export const backupDescriptionSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  /** The migrations the database had, in order: a restore rebuilds exactly that schema before loading rows. */
  migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()), file: z.string() })),
  releaseFiles: z.array(z.object({ releaseId: z.string(), path: z.string(), sizeBytes: z.number(), sha256: z.string() })),
});
export type BackupDescription = z.infer<typeof backupDescriptionSchema>;

/** `"name"` quoted for SQL (table and column names come from the catalog, never from input). */
export const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The tables to back up: every table of ours in `public` (Prisma's bookkeeping is rebuilt by the migrations). */
export const LIST_TABLES_SQL = `
  SELECT c.relname AS name,
         array_agg(a.attname::text ORDER BY a.attnum) AS columns
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
  WHERE c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' AND NOT c.relispartition
  GROUP BY c.relname
  ORDER BY c.relname`;
