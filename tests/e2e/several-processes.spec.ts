// Several hosts, one PostgreSQL: two `escriba start` processes and two `escriba worker` processes on a database of
// this spec's own, release files in an S3-compatible bucket (s3rver on localhost) rather than any one host's disk.
// A session from one app is valid on the other; reviewers claiming through both at once never share an item; a
// release is built by whichever worker takes it, and when that worker is killed mid-build (SIGKILL) the other one
// builds it; files download from the other app byte for byte. The same processes show the logs and metrics: request
// ids in responses and in every log line of the request (jobs too), and /api/metrics behind its token.
import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createApiToken } from "@/lib/auth/api-tokens";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { db, disconnectDb } from "@/lib/db";
import { databaseUrl, useDatabaseUrl } from "@/lib/env";
import { startEscribaProcess, waitUntil, type EscribaProcess } from "@/tests/support/escriba-process";
import { startTestS3Server, type TestS3Server } from "@/tests/support/s3-server";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { insertApprovedItems } from "@/tests/support/seed-approved-items";
import { insertSubmittedItems } from "@/tests/support/seed-submitted-items";
import { createTestUser, type TestUser } from "@/tests/support/seed-users";
import { createDatabase, dropDatabase } from "@/tests/support/test-databases";

test.describe.configure({ mode: "serial" });

// Apart from the ports beside the test app that other specs take (+1 the test SMTP server, +60/+61 database-loss and
// overload), since this spec runs beside them.
const PORT = Number(process.env.PORT ?? 3100) + 70;
const apps = { a: `http://127.0.0.1:${PORT + 1}`, b: `http://127.0.0.1:${PORT + 2}` };
const METRICS_TOKEN = "metrics-token-for-the-several-processes-spec";
const DATABASE = "escriba_e2e_processes";
/** Enough rows that the build is still running when its first progress shows and its worker is killed. */
const RELEASE_ITEMS = 60_000;

let suiteDatabaseUrl: string;
let ownUrl: string;
let s3: TestS3Server;
let scratch: string;
const processes: EscribaProcess[] = [];
let appA: EscribaProcess;
let workers: EscribaProcess[] = [];

const commonEnv = () => ({
  ...s3.env,
  DATABASE_URL: ownUrl,
  // Each process is a host of its own: its staging folder is its own, the files meet only in the bucket.
  ESCRIBA_WORKERS: "0",
  ESCRIBA_BUILD_RECOVERY_SECONDS: "1",
  NEXTAUTH_URL: undefined,
});

async function stop(child: EscribaProcess) {
  if (child.child.exitCode !== null || child.child.signalCode !== null) return;
  child.child.kill("SIGINT");
  await Promise.race([child.exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill("SIGKILL");
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  s3 = await startTestS3Server();
  scratch = await mkdtemp(path.join(tmpdir(), "escriba-processes-"));
  ownUrl = await createDatabase(process.env.ESCRIBA_TEST_ADMIN_URL!, DATABASE, { replace: true });
  await migrateDatabase(ownUrl);
  // This worker's seeding goes to the spec's own database until afterAll puts the suite's back.
  suiteDatabaseUrl = databaseUrl();
  await disconnectDb();
  useDatabaseUrl(ownUrl);

  const host = (name: string) => ({ ESCRIBA_RELEASES_DIR: path.join(scratch, name) });
  appA = startEscribaProcess({ ...commonEnv(), ...host("app-a"), PORT: String(PORT + 1), ESCRIBA_METRICS_TOKEN: METRICS_TOKEN });
  const appB = startEscribaProcess({ ...commonEnv(), ...host("app-b"), PORT: String(PORT + 2) });
  workers = [1, 2].map((n) => startEscribaProcess({ ...commonEnv(), ...host(`worker-${n}`) }, ["worker"]));
  processes.push(appA, appB, ...workers);
  await Promise.all([
    appA.waitForOutput(/escriba is running/, 180_000),
    appB.waitForOutput(/escriba is running/, 180_000),
    ...workers.map((worker) => worker.waitForOutput(/Worker running/, 180_000)),
  ]);
});

test.afterAll(async () => {
  await Promise.all(processes.map(stop));
  await disconnectDb();
  useDatabaseUrl(suiteDatabaseUrl);
  await dropDatabase(process.env.ESCRIBA_TEST_ADMIN_URL!, DATABASE).catch(() => {});
  await s3?.stop();
  await rm(scratch, { recursive: true, force: true });
});

/** The JSON log lines a process wrote so far. */
function logLines(child: EscribaProcess): Record<string, unknown>[] {
  return child
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

test("a session started on one app process is valid on the other", async ({ page }) => {
  test.setTimeout(180_000);
  const annotator = await createTestUser("annotator", ["gl"]);
  await page.goto(`${apps.a}/sign-in`);
  await page.getByLabel("E-mail").fill(annotator.email);
  await page.getByLabel("Password").fill(annotator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Generous: the first pages of a freshly started process, beside three others starting on a busy machine.
  await expect(page).toHaveURL(/\/work/, { timeout: 60_000 });
  // Same host, another port: the browser sends the same cookie to process B.
  const me = await page.request.get(`${apps.b}/api/v1/me`);
  expect(me.status()).toBe(200);
  expect((await me.json()).email).toBe(annotator.email);
  await page.goto(`${apps.b}/work`);
  await expect(page).toHaveURL(/\/work/, { timeout: 60_000 });
});

test("reviewers claiming through both processes at once never get the same item", async () => {
  test.setTimeout(180_000);
  const campaign = await createTestCampaign({ languages: ["eu"] });
  const author = await createTestUser("annotator", ["eu"]);
  const ids = await insertSubmittedItems(author, campaign.id, "eu", 40);
  const reviewers = await Promise.all(Array.from({ length: 8 }, () => createTestUser("reviewer", ["eu"])));
  const tokens = await Promise.all(reviewers.map(async (reviewer) => (await createApiToken(null, reviewer.id, { name: "claims" })).token));

  const claimedBy = new Map<string, string[]>();
  await Promise.all(
    reviewers.map(async (reviewer: TestUser, index) => {
      const headers = { authorization: `Bearer ${tokens[index]}`, "content-type": "application/json" };
      for (let round = 0; ; round++) {
        // Each reviewer alternates between the two processes.
        const base = (index + round) % 2 === 0 ? apps.a : apps.b;
        const claim = await fetch(`${base}/api/v1/reviews/claim`, { method: "POST", headers, body: JSON.stringify({ campaignId: campaign.id }) });
        expect(claim.status).toBeLessThan(300);
        const { lease } = (await claim.json()) as { lease: { item: { id: string; version: number } } | null };
        if (!lease) return;
        claimedBy.set(lease.item.id, [...(claimedBy.get(lease.item.id) ?? []), reviewer.id]);
        const decided = await fetch(`${base === apps.a ? apps.b : apps.a}/api/v1/items/${lease.item.id}/reviews`, {
          method: "POST",
          headers,
          body: JSON.stringify({ version: lease.item.version, decision: "approve", scores: { instruction: 5, correctness: 5, fluency: 5, safety: 5, guidelines: 5 } }),
        });
        expect(decided.status, await decided.clone().text()).toBeLessThan(300);
      }
    }),
  );
  expect(claimedBy.size).toBe(ids.length);
  expect([...claimedBy.entries()].filter(([, claimers]) => claimers.length > 1)).toEqual([]);
  expect(await db().item.count({ where: { id: { in: ids }, status: "approved" } })).toBe(ids.length);
});

test("a release is built by whichever worker takes it; killed mid-build, the other worker builds it; the other app serves its files", async () => {
  test.setTimeout(600_000);
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const author = await createTestUser("annotator", ["es", "ca", "eu", "gl"]);
  const campaign = await createTestCampaign();
  await insertApprovedItems({ count: RELEASE_ITEMS, campaignId: campaign.id, authorId: author.id });
  const { token } = await createApiToken(null, maintainer.id, { name: "releases" });
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };

  const created = await fetch(`${apps.a}/api/v1/releases`, { method: "POST", headers, body: JSON.stringify({ version: "1.0.0", license: "cc-by-4.0" }) });
  expect(created.status, await created.clone().text()).toBe(202);
  await waitUntil(
    async () => {
      const release = await db().release.findUniqueOrThrow({ where: { version: "1.0.0" } });
      return release.status === "building" && release.progressDone > 0;
    },
    240_000,
    "the build never got under way",
  );
  const builder = workers.find((worker) => logLines(worker).some((line) => line.task === "build_release" && line.msg === "job started"));
  expect(builder, "one of the two workers took the build").toBeTruthy();
  const other = workers.find((worker) => worker !== builder)!;
  builder!.child.kill("SIGKILL");
  await builder!.exited;

  await waitUntil(
    async () => (await db().release.findUniqueOrThrow({ where: { version: "1.0.0" } })).status === "built",
    400_000,
    "the other worker never built the release",
  );
  const release = await db().release.findUniqueOrThrow({ where: { version: "1.0.0" }, include: { files: true } });
  expect(release.buildAttempt).toBe(2);
  // The job logs its end just after the build's transaction commits.
  const finishedOn = (worker: EscribaProcess) => logLines(worker).filter((line) => line.task === "build_release" && line.msg === "job finished");
  await waitUntil(() => finishedOn(other).length > 0, 60_000, "the surviving worker never logged the end of the second attempt");
  const otherJobs = finishedOn(other);
  expect(String(otherJobs[0]!.requestId)).toMatch(/^job-\d+$/);

  const published = await fetch(`${apps.b}/api/v1/releases/1.0.0/publish`, { method: "POST", headers });
  expect(published.status, await published.clone().text()).toBeLessThan(300);
  for (const file of release.files) {
    const download = await fetch(`${apps.b}/api/v1/releases/1.0.0/files/${file.path}`);
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex"), file.path).toBe(file.sha256);
  }
});

test("every API response carries a request id, found in each log line written for it; jobs log under their own", async () => {
  const traced = `trace-${randomUUID()}`;
  const listed = await fetch(`${apps.a}/api/v1/releases`, { headers: { "x-request-id": traced } });
  expect(listed.status).toBe(200);
  expect(listed.headers.get("x-request-id")).toBe(traced);
  const missing = await fetch(`${apps.a}/api/v1/releases/9.9.9`);
  expect(missing.status).toBe(404);
  const generated = missing.headers.get("x-request-id");
  expect(generated).toMatch(/^[0-9a-f-]{36}$/);
  const hostile = await fetch(`${apps.a}/api/v1/releases`, { headers: { "x-request-id": "two words" } });
  expect(hostile.headers.get("x-request-id"), "an id that is not a plain token is replaced").toMatch(/^[0-9a-f-]{36}$/);

  await waitUntil(() => logLines(appA).some((line) => line.requestId === generated), 10_000, "no log line for the 404");
  const lines = logLines(appA);
  expect(lines.find((line) => line.requestId === traced)).toMatchObject({ operation: "listReleases", status: "200", level: 30 });
  expect(lines.find((line) => line.requestId === generated)).toMatchObject({ operation: "getRelease", status: "404" });
  for (const worker of workers) {
    for (const line of logLines(worker).filter((entry) => entry.task)) expect(String(line.requestId)).toMatch(/^job-\d+$/);
  }
});

test("/api/metrics: 404 without a configured token, 401 with a wrong one, Prometheus text with the right one", async () => {
  expect((await fetch(`${apps.b}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(404);
  expect((await fetch(`${apps.a}/api/metrics`)).status).toBe(401);
  expect((await fetch(`${apps.a}/api/metrics`, { headers: { authorization: "Bearer not-the-token-at-all" } })).status).toBe(401);
  const scraped = await fetch(`${apps.a}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(scraped.status).toBe(200);
  expect(scraped.headers.get("content-type")).toContain("text/plain");
  const text = await scraped.text();
  expect(text).toMatch(/escriba_http_request_duration_seconds_count\{operation="listReleases",method="GET",status="200"\} [1-9]/);
  expect(text).toMatch(/escriba_job_queue_jobs\{state="waiting"\} \d+/);
  expect(text).toMatch(/escriba_db_pool_connections\{state="max"\} 10/);
  expect(text).toMatch(/escriba_db_pool_connections\{state="total"\} [1-9]/);
  expect(text).toContain("# TYPE escriba_job_duration_seconds histogram");
});
