// Brings a database to the shape this version of escriba needs: our migrations, then the job queue's schema, then the
// settings the database itself keeps from the configuration (the programme's time zone).
import { applyPendingMigrations } from "@/lib/database/migrations";
import { env } from "@/lib/env";
import { installJobQueue } from "@/lib/jobs/job-queue";
import { syncProgrammeTimeZone } from "@/lib/productivity/day-rollups";

export async function migrateDatabase(connectionString: string, options: { log?: (line: string) => void } = {}) {
  const applied = await applyPendingMigrations(connectionString, options);
  await installJobQueue(connectionString);
  await syncProgrammeTimeZone(connectionString, env().ESCRIBA_PROGRAMME_TIME_ZONE, options);
  return applied;
}
