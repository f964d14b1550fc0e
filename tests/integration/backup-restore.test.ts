// `escriba backup` and `escriba restore` as an operator runs them: a database with a published release is backed
// up, restored into an empty data folder (a new embedded PostgreSQL), and there the restored files verify, match the
// originals byte for byte, and the published release rebuilds from the restored database byte-identically.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import pg from "pg";

const releasesDir = await mkdtemp(path.join(tmpdir(), "escriba-backup-releases-"));
process.env.ESCRIBA_RELEASES_DIR = releasesDir;

const { db } = await import("@/lib/db");
const { startEmbeddedServer } = await import("@/lib/database/embedded-server");
const { EMBEDDED_DATABASE_NAME } = await import("@/lib/database/connect-database");
const { buildRelease } = await import("@/lib/releases/build-release");
const { createRelease } = await import("@/lib/releases/create-release");
const { publishRelease } = await import("@/lib/releases/publish-release");
const { releaseFolder } = await import("@/lib/releases/release-storage");
const { createTestCampaign } = await import("@/tests/support/seed-campaigns");
const { insertApprovedItems } = await import("@/tests/support/seed-approved-items");
const { insertSubmittedItems } = await import("@/tests/support/seed-submitted-items");
const { claimItem } = await import("@/tests/support/claim-item");
const { createTestUser } = await import("@/tests/support/seed-users");
const { runEscriba } = await import("@/tests/support/run-escriba");
const { ownDatabaseForThisFile } = await import("@/tests/support/own-database");
const { rebuildReleaseFiles } = await import("@/tests/support/rebuild-release");
const { viewerOf } = await import("@/tests/support/viewers");

const ownDatabase = ownDatabaseForThisFile("escriba_backup");
const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
// The restored instance's own embedded server, on a port beside the tests' one.
const RESTORED_PG_PORT = Number(process.env.ESCRIBA_TEST_PG_PORT ?? 54329) + 2;
const scratch = await mkdtemp(path.join(tmpdir(), "escriba-backup-"));
const restoredDataDir = await mkdtemp(path.join(PROJECT_ROOT, ".data", "test-restore-"));
after(async () => {
  await rm(scratch, { recursive: true, force: true });
  await rm(releasesDir, { recursive: true, force: true });
  await rm(restoredDataDir, { recursive: true, force: true });
});

const restoredEnv = { DATABASE_URL: "", ESCRIBA_RELEASES_DIR: "", ESCRIBA_DATA_DIR: restoredDataDir, ESCRIBA_PG_PORT: String(RESTORED_PG_PORT) };

test("a backup restored into an empty data folder holds the same data, the same release files, and rebuilds the published release byte-identically", async () => {
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const annotator = await createTestUser("annotator", ["es"]);
  const campaign = await createTestCampaign();
  await insertApprovedItems({ count: 400, campaignId: campaign.id, authorId: annotator.id });
  const created = await createRelease(viewerOf(maintainer), { version: "1.0.0", license: "cc-by-4.0", notes: "Antes de la copia." });
  assert.equal(await buildRelease({ releaseId: created.id, attempt: 1 }), "built");
  await publishRelease(viewerOf(maintainer), "1.0.0");
  const original = await db().releaseFile.findMany({ where: { releaseId: created.id }, orderBy: { path: "asc" } });
  // A reviewer in the middle of a review: the lease (a table of its own) is in the backup too.
  const reviewer = await createTestUser("reviewer", ["es"]);
  const [waiting] = await insertSubmittedItems(annotator, campaign.id, "es", 1);
  const lease = await claimItem(viewerOf(reviewer), { id: waiting!, campaignId: campaign.id, language: "es" });
  const counts = { users: await db().user.count(), items: await db().item.count(), audit: await db().auditEvent.count() };

  const archive = path.join(scratch, "escriba.tar.gz");
  const backup = await runEscriba(["backup", archive], { env: { DATABASE_URL: ownDatabase.url, ESCRIBA_RELEASES_DIR: releasesDir } });
  assert.equal(backup.code, 0, backup.stderr);
  assert.match(backup.stdout, /12 release files/);
  assert.ok((await stat(archive)).size > 0);

  const restored = await runEscriba(["restore", archive], { env: restoredEnv });
  assert.equal(restored.code, 0, restored.stderr);
  assert.match(restored.stdout, /Restored \d+ tables and 12 release files/);
  const again = await runEscriba(["restore", archive], { env: restoredEnv });
  assert.notEqual(again.code, 0, "a database with data is never restored over");
  assert.match(again.stderr, /not empty/);

  // The restored files, where the restored instance serves them from.
  const restoredFolder = path.join(restoredDataDir, "releases", created.id);
  const verified = await runEscriba(["release", "verify", restoredFolder]);
  assert.equal(verified.code, 0, verified.stderr);
  for (const file of original) {
    assert.deepEqual(await readFile(path.join(restoredFolder, file.path)), await readFile(path.join(releaseFolder(created.id), file.path)), file.path);
  }

  const server = await startEmbeddedServer({ dataDir: restoredDataDir, port: RESTORED_PG_PORT });
  const url = server.urlFor(EMBEDDED_DATABASE_NAME);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const one = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
    assert.deepEqual(
      { users: await one("SELECT count(*) AS n FROM users"), items: await one("SELECT count(*) AS n FROM items"), audit: await one("SELECT count(*) AS n FROM audit_events") },
      counts,
    );
    const { rows: leases } = await client.query(`SELECT item_id::text, reviewer_id::text, expires_at FROM review_leases`);
    assert.deepEqual(leases, [{ item_id: waiting, reviewer_id: reviewer.id, expires_at: new Date(lease.leaseExpiresAt) }]);
    const { rows: [release] } = await client.query(`SELECT id, version, license, notes, created_at, status FROM releases WHERE version = '1.0.0'`);
    assert.equal(release.status, "published");
    const { rows: [secret] } = await client.query(`SELECT value FROM instance_secrets WHERE name = 'annotator-pseudonym-key'`);

    const rebuiltFolder = path.join(scratch, "rebuilt");
    const rebuilt = await rebuildReleaseFiles(url, { ...release, createdAt: release.created_at }, secret.value, rebuiltFolder);
    assert.deepEqual(
      rebuilt.files.map((file) => [file.path, file.sha256]),
      original.map((file) => [file.path, file.sha256]),
      "every file of the published release rebuilds byte-identically from the restored database",
    );
  } finally {
    await client.end().catch(() => {});
    await server.stop();
  }
});
