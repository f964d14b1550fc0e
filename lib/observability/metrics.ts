// Prometheus metrics of this process (prom-client): API latency per operation, job queue depth, release build
// durations, the database pool. Served at /api/metrics to holders of ESCRIBA_METRICS_TOKEN.
import { createHash, timingSafeEqual } from "node:crypto";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { databasePoolStats, db } from "@/lib/db";
import { env } from "@/lib/env";

interface Metrics {
  registry: Registry;
  requestDuration: Histogram<"operation" | "method" | "status">;
  jobDuration: Histogram<"task" | "outcome">;
}

// One registry per process, shared by the web app's bundled modules and the CLI's (job workers in `escriba start`).
const globalForMetrics = globalThis as unknown as { escribaMetrics?: Metrics };

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "escriba_process_" });
  const requestDuration = new Histogram({
    name: "escriba_http_request_duration_seconds",
    help: "API requests by operation, method and status, from arrival to the response being ready.",
    labelNames: ["operation", "method", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: "escriba_job_duration_seconds",
    help: "Background jobs run by this process (release builds: task build_release), by outcome.",
    labelNames: ["task", "outcome"] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800],
    registers: [registry],
  });
  new Gauge({
    name: "escriba_job_queue_jobs",
    help: "Jobs in the queue (all processes): waiting to run, or locked by a worker.",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const rows = await db()
        .$queryRawUnsafe<{ waiting: bigint; running: bigint }[]>(
          `SELECT count(*) FILTER (WHERE locked_at IS NULL) AS waiting, count(*) FILTER (WHERE locked_at IS NOT NULL) AS running
           FROM graphile_worker.jobs`,
        )
        .catch(() => null);
      if (!rows?.[0]) return;
      this.set({ state: "waiting" }, Number(rows[0].waiting));
      this.set({ state: "running" }, Number(rows[0].running));
    },
  });
  new Gauge({
    name: "escriba_db_pool_connections",
    help: "This process's PostgreSQL pool: open connections, idle ones, and requests waiting for one.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const stats = databasePoolStats();
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
      this.set({ state: "max" }, env().ESCRIBA_DB_POOL_SIZE);
    },
  });
  return { registry, requestDuration, jobDuration };
}

export function metrics(): Metrics {
  globalForMetrics.escribaMetrics ??= createMetrics();
  return globalForMetrics.escribaMetrics;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Who may read the metrics: nobody when no token is configured (404, as if there were no such page), the holder of
 * the token as `Authorization: Bearer <token>`, and otherwise 401.
 */
export function metricsAccess(authorization: string | null): "allowed" | "not_configured" | "denied" {
  const token = env().ESCRIBA_METRICS_TOKEN;
  if (!token) return "not_configured";
  const sent = authorization?.match(/^Bearer (.+)$/)?.[1];
  return sent !== undefined && timingSafeEqual(digest(sent), digest(token)) ? "allowed" : "denied";
}
