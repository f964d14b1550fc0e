// Starts background job workers in this process (beside the web server, or alone for `escriba worker`), and the
// watch that gives a build whose worker died (SIGKILL, a lost machine) a new attempt on another worker.
import type { Runner } from "graphile-worker";
import { env } from "@/lib/env";
import { JOB_HANDLERS } from "@/lib/jobs/job-handlers";
import { startJobWorkers } from "@/lib/jobs/job-queue";
import { logger } from "@/lib/observability/logger";
import { recoverStalledBuilds } from "@/lib/releases/recover-stalled-builds";

export async function startWorkers(connectionString: string, concurrency: number): Promise<Runner> {
  const runner = await startJobWorkers({ connectionString, concurrency, handlers: JOB_HANDLERS });
  const everySeconds = env().ESCRIBA_BUILD_RECOVERY_SECONDS;
  if (everySeconds > 0) {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      recoverStalledBuilds()
        .then((versions) => {
          for (const version of versions) logger().warn({ release: version }, `Release ${version}: its worker died mid-build; a new attempt is queued.`);
        })
        .catch((error: unknown) => logger().error({ err: error }, "Looking for stalled release builds failed."))
        .finally(() => (running = false));
    }, everySeconds * 1000);
    timer.unref();
    void runner.promise.catch(() => {}).finally(() => clearInterval(timer));
  }
  return runner;
}
