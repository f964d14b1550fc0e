// Adding a background job: a row in graphile-worker's queue, written by plain SQL in the caller's transaction, so
// the job exists exactly when the change that asked for it commits (and the web app never loads the worker).
import type { Prisma } from "@/lib/generated/prisma/client";

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
