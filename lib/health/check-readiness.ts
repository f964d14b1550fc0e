// Whether this process can serve: the database answers, every migration it needs is applied, and the job workers
// it was asked to run are still running. One small query; never waits longer than READINESS_WAIT_MS.
import { databaseUnavailableError } from "@/lib/database/database-unavailable";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { processStatus } from "@/lib/health/process-status";
import type { ReadinessChecks } from "@/lib/health/schemas";

/** A probe that waits in line behind a saturated pool would time out at the load balancer anyway. */
const READINESS_WAIT_MS = 2000;

async function appliedMigrations(): Promise<string[]> {
  const rows = await db().$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return rows.map((row) => row.migration_name);
}

function withinWait<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_WAIT_MS} ms`)), READINESS_WAIT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split("\n").filter(Boolean).at(-1) ?? "unknown error";
}

/** The checks when all pass; otherwise an `unavailable` AppError (503) whose details carry the same checks. */
export async function checkReadiness(): Promise<{ status: "ready"; checks: ReadinessChecks }> {
  const status = processStatus();
  const checks: ReadinessChecks = {
    database: { ok: false, detail: "" },
    migrations: { ok: false, detail: "not checked: the database did not answer" },
    jobWorkers: status.jobWorkers
      ? status.jobWorkers.running
        ? { ok: true, detail: `${status.jobWorkers.count} running` }
        : { ok: false, detail: `stopped: ${status.jobWorkers.stoppedBecause ?? "unknown reason"}` }
      : { ok: true, detail: "not run by this process" },
  };

  if (status.embeddedDatabase === "restarting" || status.embeddedDatabase === "gave_up") {
    checks.database.detail =
      status.embeddedDatabase === "restarting" ? "the embedded PostgreSQL stopped and is being restarted" : "the embedded PostgreSQL could not be restarted";
  } else {
    try {
      const applied = await withinWait(appliedMigrations());
      checks.database = { ok: true, detail: "answers" };
      const expected = status.expectedMigrations;
      if (expected) {
        const appliedSet = new Set(applied);
        const missing = expected.filter((name) => !appliedSet.has(name));
        checks.migrations =
          missing.length === 0
            ? { ok: true, detail: `${expected.length} applied` }
            : { ok: false, detail: `${missing.length} of ${expected.length} not applied, first ${missing[0]}` };
      } else {
        checks.migrations =
          applied.length > 0 ? { ok: true, detail: `${applied.length} applied` } : { ok: false, detail: "none applied" };
      }
    } catch (error) {
      const unreachable = error instanceof Error && error.message.startsWith("no answer within");
      if (unreachable || databaseUnavailableError(error)) checks.database.detail = firstLine(error);
      else {
        // It answered, with an error: no migrations table, say.
        checks.database = { ok: true, detail: "answers" };
        checks.migrations = { ok: false, detail: firstLine(error) };
      }
    }
  }

  const failed = Object.entries(checks).filter(([, check]) => !check.ok).map(([name]) => name);
  if (failed.length > 0) {
    throw new AppError("unavailable", `Not ready: ${failed.join(", ")}.`, { details: { retryAfterSeconds: 5, checks } });
  }
  return { status: "ready", checks };
}
