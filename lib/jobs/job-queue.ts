// Background jobs in PostgreSQL through graphile-worker: jobs are rows added in the same transaction as the change
// that asks for them, and any number of worker processes (`escriba start`, `escriba worker`) take them.
import { Logger, run, runMigrations, type Runner, type Task } from "graphile-worker";
import type { Prisma } from "@/lib/generated/prisma/client";

/** graphile-worker says a lot at info level; an operator needs its warnings and errors. */
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error") console.error(`[jobs] ${message}`);
  else if (level === "warning") console.warn(`[jobs] ${message}`);
});

/** Creates or upgrades graphile-worker's own schema (`graphile_worker`), next to ours. */
export async function installJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger });
}

export interface JobOptions {
  /** A job with the same key that has not started yet is replaced rather than duplicated. */
  jobKey?: string;
  maxAttempts?: number;
}

/** Adds a job inside the caller's transaction: it exists exactly when the change that asked for it commits. */
export async function enqueueJob(
  tx: Prisma.TransactionClient,
  task: string,
  payload: Record<string, unknown>,
  options: JobOptions = {},
): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${task}::text, ${JSON.stringify(payload)}::json,
    max_attempts := ${options.maxAttempts ?? 3}::int, job_key := ${options.jobKey ?? null}::text)`;
}

export type JobHandlers = Record<string, (payload: unknown) => Promise<void>>;

/** Starts `concurrency` workers in this process; stop them with `runner.stop()`. */
export async function startJobWorkers(options: {
  connectionString: string;
  concurrency: number;
  handlers: JobHandlers;
}): Promise<Runner> {
  const taskList: Record<string, Task> = {};
  for (const [name, handler] of Object.entries(options.handlers)) taskList[name] = (payload) => handler(payload);
  return run({
    connectionString: options.connectionString,
    concurrency: options.concurrency,
    taskList,
    logger: quietLogger,
    // escriba's own shutdown stops the workers; graphile's handlers would exit the process under the web server.
    noHandleSignals: true,
    pollInterval: 1000,
  });
}
