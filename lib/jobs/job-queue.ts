// Background job workers through graphile-worker: any number of processes (`escriba start`, `escriba worker`)
// take the jobs that enqueue-job.ts adds. Only the CLI loads this module; the web app only enqueues.
import { Logger, run, runMigrations, type Runner, type Task } from "graphile-worker";
import pg from "pg";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { withRequestId } from "@/lib/observability/request-context";

/** PostgreSQL closing connections because it is shutting down (Ctrl-C reaches it and us together). */
const isServerShutdown = (text: string) => /terminating connection due to administrator command/.test(text);

/** graphile-worker says a lot at info level; an operator needs its warnings and errors (not those of a shutdown). */
const quietLogger = new Logger(() => (level, message) => {
  if (isServerShutdown(message)) return;
  if (level === "error") console.error(`[jobs] ${message}`);
  else if (level === "warning") console.warn(`[jobs] ${message}`);
});

/** Creates or upgrades graphile-worker's own schema (`graphile_worker`), next to ours. */
export async function installJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger });
}

export type JobHandlers = Record<string, (payload: unknown) => Promise<void>>;

/** Starts `concurrency` workers in this process; stop them with `runner.stop()`. */
export async function startJobWorkers(options: {
  connectionString: string;
  concurrency: number;
  handlers: JobHandlers;
}): Promise<Runner> {
  const taskList: Record<string, Task> = {};
  for (const [name, handler] of Object.entries(options.handlers)) {
    // Each run is logged under an id of its own (job-<id>), like a request, and timed into the metrics.
    taskList[name] = (payload, helpers) =>
      withRequestId(`job-${helpers.job.id}`, async () => {
        const started = performance.now();
        const seconds = () => (performance.now() - started) / 1000;
        logger().info({ task: name, attempt: helpers.job.attempts }, "job started");
        try {
          await handler(payload);
        } catch (error) {
          metrics().jobDuration.observe({ task: name, outcome: "error" }, seconds());
          logger().error({ task: name, err: error }, "job failed");
          throw error;
        }
        metrics().jobDuration.observe({ task: name, outcome: "done" }, seconds());
        logger().info({ task: name, durationMs: Math.round(seconds() * 1000) }, "job finished");
      });
  }
  // Our own pool, so that connections PostgreSQL closes while idle (at shutdown, say) are an event, not a crash.
  const pgPool = new pg.Pool({ connectionString: options.connectionString, max: Math.max(10, options.concurrency + 2) });
  const reportConnectionError = (error: Error) => {
    if (!isServerShutdown(error.message)) console.error(`[jobs] ${error.message}`);
  };
  // Idle clients' errors reach the pool's handler; a client's error while it runs a query reaches only the client.
  pgPool.on("error", reportConnectionError);
  pgPool.on("connect", (client) => client.on("error", reportConnectionError));
  const runner = await run({
    pgPool,
    concurrency: options.concurrency,
    taskList,
    logger: quietLogger,
    // escriba's own shutdown stops the workers; graphile's handlers would exit the process under the web server.
    noHandleSignals: true,
    pollInterval: 1000,
  });
  void runner.promise.catch(() => {}).finally(() => pgPool.end().catch(() => {}));
  return runner;
}
