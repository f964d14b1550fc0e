// Brings a database to the shape this version of escriba needs: our migrations, then the job queue's schema.
import { applyPendingMigrations } from "@/lib/database/migrations";
import { installJobQueue } from "@/lib/jobs/job-queue";

export async function migrateDatabase(connectionString: string, options: { log?: (line: string) => void } = {}) {
  const applied = await applyPendingMigrations(connectionString, options);
  await installJobQueue(connectionString);
  return applied;
}
