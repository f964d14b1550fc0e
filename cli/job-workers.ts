// Starts background job workers in this process (beside the web server, or alone for `escriba worker`).
import type { Runner } from "graphile-worker";
import { JOB_HANDLERS } from "@/lib/jobs/job-handlers";
import { startJobWorkers } from "@/lib/jobs/job-queue";

export function startWorkers(connectionString: string, concurrency: number): Promise<Runner> {
  return startJobWorkers({ connectionString, concurrency, handlers: JOB_HANDLERS });
}
