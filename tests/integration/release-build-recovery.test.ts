// A build whose worker died is given a new attempt without a maintainer: while a live connection holds the build
// lock nothing happens; once that connection is gone (its process killed), the recovery queues attempt 2 once, even
// when two workers look at the same moment.
import assert from "node:assert/strict";
import { test } from "node:test";
import pg from "pg";
import { db } from "@/lib/db";
import { createRelease } from "@/lib/releases/create-release";
import { recoverStalledBuilds } from "@/lib/releases/recover-stalled-builds";
import { ReleaseBuildConnection } from "@/lib/releases/release-database";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { insertApprovedItems } from "@/tests/support/seed-approved-items";
import { createTestUser } from "@/tests/support/seed-users";
import { ownDatabaseForThisFile } from "@/tests/support/own-database";
import { viewerOf } from "@/tests/support/viewers";

const ownDatabase = ownDatabaseForThisFile("escriba_build_recovery");

test("a building release whose lock holder is gone gets one new attempt; a live build is left alone", async () => {
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const author = await createTestUser("annotator", ["es"]);
  const campaign = await createTestCampaign();
  await insertApprovedItems({ count: 10, campaignId: campaign.id, authorId: author.id });
  const created = await createRelease(viewerOf(maintainer), { version: "1.0.0", license: "cc-by-4.0" });

  // What a builder does first: take the lock on its own connection, then mark the release building.
  const builder = await ReleaseBuildConnection.open(ownDatabase.url);
  assert.equal(await builder.tryLock(created.id), true);
  await db().release.update({ where: { id: created.id }, data: { status: "building" } });
  assert.deepEqual(await recoverStalledBuilds(), [], "a live build is not taken over");
  assert.equal((await db().release.findUniqueOrThrow({ where: { id: created.id } })).buildAttempt, 1);

  // The builder's process dies: its connection, and with it the lock, is gone.
  await builder.close();
  const [first, second] = await Promise.all([recoverStalledBuilds(), recoverStalledBuilds()]);
  assert.deepEqual([...first, ...second], ["1.0.0"], "two workers looking at once queue one attempt");
  const release = await db().release.findUniqueOrThrow({ where: { id: created.id } });
  assert.equal(release.status, "queued");
  assert.equal(release.buildAttempt, 2);

  const client = new pg.Client({ connectionString: ownDatabase.url });
  await client.connect();
  const jobs = await client.query(`SELECT key FROM graphile_worker.jobs WHERE key LIKE $1 ORDER BY key`, [`release:${created.id}:%`]);
  await client.end();
  assert.deepEqual(jobs.rows.map((row) => row.key), [`release:${created.id}:1`, `release:${created.id}:2`]);
  const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: created.id, action: "release.retried" } });
  assert.deepEqual(audit.payload, { version: "1.0.0", attempt: 2, after: "stalled", automatic: true });
  assert.deepEqual(await recoverStalledBuilds(), [], "nothing more to do");
});
