// Writers saving drafts over HTTP against one `escriba start`, at several concurrency levels, each for a fixed time:
// the count of responses by status (any 5xx, 503 included, is a failure to absorb the load) and save latency.
// Needs the built app (`npm run build`). Localhost only; prints figures, never asserts on timing.
// Usage: node --import tsx bench/write-load.ts [--writers 200,400] [--seconds 60] [--pause-ms 1500]
//          [--port 3191] [--pg-port 54339]
// Each writer edits its own draft like the editor: a save, a pause (the editor saves ~1.5 s after the last
// keystroke; 0 saves back to back), the next save; after a 503 it waits as the editor does (Retry-After at least).
// The app's pool settings come from the environment (ESCRIBA_DB_POOL_SIZE, ESCRIBA_DB_POOL_TIMEOUT_MS, …).
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { createApiToken } from "@/lib/auth/api-tokens";
import { disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { createDraft } from "@/lib/items/create-draft";
import { openBenchDatabase, percentile, syntheticText } from "@/bench/support/bench-database";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

const { values: flags } = parseArgs({
  options: {
    writers: { type: "string", default: "200,400" },
    seconds: { type: "string", default: "60" },
    "pause-ms": { type: "string", default: "1500" },
    port: { type: "string", default: "3191" },
    "pg-port": { type: "string", default: "54339" },
  },
});
const levels = flags.writers.split(",").map(Number);
const seconds = Number(flags.seconds);
const pauseMs = Number(flags["pause-ms"]);
const PORT = Number(flags.port);
const base = `http://127.0.0.1:${PORT}`;
/** No request may hang the benchmark: one that takes longer counts as a timeout. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Writers share this many accounts (creating an account hashes a password, which is slow on purpose). */
const ACCOUNTS = 40;

const database = await openBenchDatabase("escriba_bench_write_load", { port: Number(flags["pg-port"]) });
const campaign = await createTestCampaign({ languages: ["es"] });
const accounts = await Promise.all(
  Array.from({ length: ACCOUNTS }, async () => {
    const user = await createTestUser("annotator", ["es"], "writer");
    return { viewer: viewerOf(user), token: (await createApiToken(null, user.id, { name: "bench" })).token };
  }),
);
/** Every writer of every level gets a draft of its own, created now so that the timed part is only saves. */
const draftsByLevel: { id: string; version: number; token: string }[][] = [];
for (const level of levels) {
  const drafts = [];
  for (let index = 0; index < level; index++) {
    const account = accounts[index % ACCOUNTS]!;
    const draft = await createDraft(account.viewer, { campaignId: campaign.id, language: "es", category: "open_qa" });
    drafts.push({ id: draft.id, version: draft.version, token: account.token });
  }
  draftsByLevel.push(drafts);
}
const warmUpDraft = await createDraft(accounts[0]!.viewer, { campaignId: campaign.id, language: "es", category: "open_qa" });
await disconnectDb();

const config = env();
console.log(
  `App pool: ${config.ESCRIBA_DB_POOL_SIZE} connections, wait ≤ ${config.ESCRIBA_DB_POOL_TIMEOUT_MS} ms; ` +
    `writers pause ${pauseMs} ms (±50 %) between saves; ${seconds} s per level.`,
);
const server = spawn(process.execPath, ["bin/escriba.mjs", "start", "--no-build", "--no-demo", "--hostname", "127.0.0.1"], {
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(PORT),
    ESCRIBA_WORKERS: "0",
    NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
// Whatever happens below, the server must not outlive the benchmark.
process.on("exit", () => server.kill("SIGKILL"));
await new Promise<void>((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("the app did not start within 120 s")), 120_000);
  server.stdout.on("data", (chunk: Buffer) => {
    if (chunk.toString().includes("escriba is running")) {
      clearTimeout(timer);
      resolve();
    }
  });
  server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The first requests load the route's code and open connections: not what is measured.
for (let version = warmUpDraft.version, save = 0; save < 10; save++) {
  const response = await fetch(`${base}/api/v1/items/${warmUpDraft.id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${accounts[0]!.token}`, "content-type": "application/json" },
    body: JSON.stringify({ version, instruction: `¿Calentamos ${save}?` }),
  });
  version = ((await response.json()) as { version: number }).version;
}

async function runLevel(drafts: { id: string; version: number; token: string }[]) {
  const byStatus = new Map<string, number>();
  const latencies: number[] = [];
  const count = (key: string) => byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  const deadline = performance.now() + seconds * 1000;
  let inFlight = 0;
  const progress = setInterval(() => {
    const done = [...byStatus.entries()].sort().map(([status, n]) => `${status}: ${n}`).join(", ");
    console.log(`  … ${((seconds * 1000 - (deadline - performance.now())) / 1000).toFixed(0)} s: ${done || "nothing yet"}; ${inFlight} in flight`);
  }, 10_000);
  const writers = Promise.all(
    drafts.map(async (draft, writer) => {
      // Writers start spread over the first pause, as people do not all press a key in the same millisecond.
      await sleep(Math.random() * pauseMs);
      let save = 0;
      let failures = 0;
      while (performance.now() < deadline) {
        const body = { version: draft.version, instruction: `¿${syntheticText(writer * 1000 + save, 10 + (save % 30), 1)}?` };
        const started = performance.now();
        let wait = pauseMs * (0.5 + Math.random());
        inFlight++;
        try {
          const response = await fetch(`${base}/api/v1/items/${draft.id}`, {
            method: "PATCH",
            headers: { authorization: `Bearer ${draft.token}`, "content-type": "application/json" },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          const payload = (await response.json().catch(() => null)) as { version?: number; error?: { details?: { current?: { version: number } } } } | null;
          latencies.push(performance.now() - started);
          count(String(response.status));
          if (response.ok && payload?.version) {
            draft.version = payload.version;
            save++;
            failures = 0;
          } else if (response.status === 409 && payload?.error?.details?.current) {
            draft.version = payload.error.details.current.version;
          } else if (response.status >= 500 || response.status === 429) {
            // The editor's retry: exponential from 2 s, never sooner than Retry-After.
            const retryAfter = Number(response.headers.get("retry-after") ?? 0) * 1000;
            wait = Math.max(Math.min(30_000, 2000 * 2 ** failures), retryAfter) * (1 + Math.random() * 0.25);
            failures++;
          }
        } catch (error) {
          count(error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network error");
          wait = 2000;
        } finally {
          inFlight--;
        }
        if (performance.now() + wait >= deadline) break;
        await sleep(wait);
      }
    }),
  );
  // Bounded: the last requests may run REQUEST_TIMEOUT_MS past the deadline, and no more.
  await Promise.race([writers, sleep(seconds * 1000 + REQUEST_TIMEOUT_MS + 10_000)]);
  clearInterval(progress);
  if (inFlight > 0) byStatus.set("still in flight at the end", inFlight);
  return { byStatus, latencies };
}

for (const [index, level] of levels.entries()) {
  const started = performance.now();
  const { byStatus, latencies } = await runLevel(draftsByLevel[index]!);
  const elapsed = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const total = [...byStatus.values()].reduce((sum, n) => sum + n, 0);
  const serverErrors = [...byStatus.entries()].filter(([status]) => /^5/.test(status)).reduce((sum, [, n]) => sum + n, 0);
  const statuses = [...byStatus.entries()].sort().map(([status, n]) => `${status}: ${n}`).join(", ");
  console.log(
    `${level} writers, ${elapsed.toFixed(1)} s: ${total} saves (${(total / elapsed).toFixed(1)}/s) — ${statuses}; ` +
      `5xx: ${serverErrors}; latency p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, ` +
      `max ${sorted.at(-1)?.toFixed(1)} ms`,
  );
}

server.kill("SIGINT");
await Promise.race([new Promise((resolve) => server.on("exit", resolve)), sleep(20_000)]);
await database.close();
process.exit(0);
