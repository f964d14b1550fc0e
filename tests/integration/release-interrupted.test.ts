// A release build killed mid-way (SIGKILL to the worker process, no chance to clean up) leaves no built or
// published release, shows as stalled, and a retry builds it completely.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

const releasesDir = await mkdtemp(path.join(tmpdir(), "escriba-interrupted-"));
process.env.ESCRIBA_RELEASES_DIR = releasesDir;

const { db } = await import("@/lib/db");
const { AppError } = await import("@/lib/errors");
const { startJobWorkers } = await import("@/lib/jobs/job-queue");
const { JOB_HANDLERS } = await import("@/lib/jobs/job-handlers");
const { releaseFolder } = await import("@/lib/releases/release-storage");
const { createRelease } = await import("@/lib/releases/create-release");
const { retryReleaseBuild } = await import("@/lib/releases/retry-release-build");
const { getRelease, listReleases } = await import("@/lib/releases/read-releases");
const { verifyReleaseFolder } = await import("@/lib/releases/verify-release");
const { createTestCampaign } = await import("@/tests/support/seed-campaigns");
const { insertApprovedItems } = await import("@/tests/support/seed-approved-items");
const { createTestUser } = await import("@/tests/support/seed-users");
const { ownDatabaseForThisFile } = await import("@/tests/support/own-database");
const { viewerOf } = await import("@/tests/support/viewers");

/** Enough rows that the build is still running when the test sees its first progress and kills it. */
const ITEMS = 120_000;

const ownDatabase = ownDatabaseForThisFile("escriba_interrupted");

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test("a worker killed mid-build leaves nothing published, the build shows as stalled, and a retry succeeds", async () => {
  const maintainer = viewerOf(await createTestUser("maintainer", ["es", "ca", "eu", "gl"]));
  const author = await createTestUser("annotator", ["es", "ca", "eu", "gl"]);
  const campaign = await createTestCampaign();
  await insertApprovedItems({ count: ITEMS, campaignId: campaign.id, authorId: author.id });
  const created = await createRelease(maintainer, { version: "2.0.0", license: "cc-by-sa-4.0" });

  // A real worker process, as `escriba worker` runs in production.
  const worker = spawn(process.execPath, ["bin/escriba.mjs", "worker"], {
    env: { ...process.env, DATABASE_URL: ownDatabase.url, ESCRIBA_RELEASES_DIR: releasesDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  try {
    const midway = await until("the build to be under way", async () => {
      const release = await db().release.findUniqueOrThrow({ where: { id: created.id } });
      return release.status === "building" && release.progressDone > 0 ? release : null;
    });
    assert.ok(midway.progressDone < ITEMS, "killed before the end");
  } finally {
    worker.kill("SIGKILL");
    await exited;
  }

  // Its connection died with it, so nobody holds the build lock any more.
  const stalled = await until("the build to show as stalled", async () => {
    const view = await getRelease(maintainer, "2.0.0");
    return view.stalled ? view : null;
  }, 10_000);
  assert.equal(stalled.status, "building");
  const listed = await listReleases(maintainer);
  assert.equal(listed.find((release) => release.version === "2.0.0")?.stalled, true, "the list's one probe for all releases sees it too");
  assert.deepEqual(stalled.files, []);
  assert.equal(await db().releaseFile.count(), 0);
  assert.equal(existsSync(releaseFolder(created.id)), false, "nothing was moved into place");
  assert.deepEqual(await listReleases(null), [], "nothing is public");
  await assert.rejects(getRelease(null, "2.0.0"), (error: unknown) => error instanceof AppError && error.code === "not_found");

  const retried = await retryReleaseBuild(maintainer, "2.0.0");
  assert.equal(retried.status, "queued");
  const workers = await startJobWorkers({ connectionString: ownDatabase.url, concurrency: 1, handlers: JOB_HANDLERS });
  try {
    const built = await until("the retried build to finish", async () => {
      const view = await getRelease(maintainer, "2.0.0");
      return view.status === "built" || view.status === "failed" ? view : null;
    });
    assert.equal(built.status, "built", built.error ?? "");
    assert.equal(built.statistics?.items, ITEMS);
    assert.equal(built.progress.done, ITEMS);
  } finally {
    await workers.stop();
  }
  const verified = await verifyReleaseFolder(releaseFolder(created.id));
  assert.deepEqual(verified.problems, []);
  assert.equal(existsSync(path.join(releasesDir, ".staging", `${created.id}-1`)), false, "the killed attempt's leftovers are gone");
  await assert.rejects(retryReleaseBuild(maintainer, "2.0.0"), (error: unknown) => error instanceof AppError && error.code === "conflict");
});
