// For tests of one migration on data written before it: a folder of the real migrations up to a given one, so that
// applyPendingMigrations brings a database to the state just before the migration, and then through it.
import { cp } from "node:fs/promises";
import path from "node:path";
import { MIGRATIONS_DIR, readMigrationFiles } from "@/lib/database/migrations";

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
