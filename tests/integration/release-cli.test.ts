// `escriba release …` as an operator runs it: real processes against a database of this test's own.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { access, appendFile, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";

const releasesDir = await mkdtemp(path.join(tmpdir(), "escriba-cli-releases-"));
process.env.ESCRIBA_RELEASES_DIR = releasesDir;

const { db } = await import("@/lib/db");
const { releaseFolder } = await import("@/lib/releases/release-storage");
const { ReleaseBuildConnection } = await import("@/lib/releases/release-database");
const { createTestCampaign } = await import("@/tests/support/seed-campaigns");
const { insertApprovedItems } = await import("@/tests/support/seed-approved-items");
const { createTestUser } = await import("@/tests/support/seed-users");
const { runEscriba } = await import("@/tests/support/run-escriba");
const { ownDatabaseForThisFile } = await import("@/tests/support/own-database");

const ownDatabase = ownDatabaseForThisFile("escriba_release_cli");

const escriba = (args: string[]) => runEscriba(args, { env: { DATABASE_URL: ownDatabase.url, ESCRIBA_RELEASES_DIR: releasesDir } });

test("release create builds here, verify and sha256sum accept the folder, a changed byte is caught, publish makes it public", async () => {
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const annotator = await createTestUser("annotator", ["gl"]);
  const campaign = await createTestCampaign();
  await insertApprovedItems({ count: 400, campaignId: campaign.id, authorId: annotator.id });

  const refused = await escriba(["release", "create", "--version", "1.0.0", "--email", annotator.email]);
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /maintainer role/);
  const badVersion = await escriba(["release", "create", "--version", "1.0", "--email", maintainer.email]);
  assert.notEqual(badVersion.code, 0);
  assert.match(badVersion.stderr, /version: must be a semantic version/);
  assert.equal(await db().release.count(), 0, "refused commands wrote nothing");

  const created = await escriba(["release", "create", "--version", "1.0.0", "--license", "cc0-1.0", "--email", maintainer.email]);
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, /1\.0\.0 {2}built {2}400\/400 items/);
  assert.match(created.stdout, /data\/gl\/train\.parquet {2}\d+ bytes {2}sha256 [0-9a-f]{64}/);
  const release = await db().release.findUniqueOrThrow({ where: { version: "1.0.0" } });
  const folder = releaseFolder(release.id);

  const verified = await escriba(["release", "verify", folder]);
  assert.equal(verified.code, 0, verified.stderr);
  assert.match(verified.stdout, /OK: 11 file\(s\)/);
  // The standard tool agrees with the format.
  const sums = await promisify(execFile)("sha256sum", ["-c", "SHA256SUMS"], { cwd: folder });
  assert.match(sums.stdout, /data\/eu\/train\.jsonl: OK/);

  const published = await escriba(["release", "publish", "1.0.0", "--email", maintainer.email]);
  assert.equal(published.code, 0, published.stderr);
  const listed = await escriba(["release", "list", "--email", maintainer.email]);
  assert.match(listed.stdout, /1\.0\.0 {2}published/);

  await appendFile(path.join(folder, "data", "es", "train.jsonl"), "{}\n");
  const tampered = await escriba(["release", "verify", folder]);
  assert.equal(tampered.code, 1);
  assert.match(tampered.stderr, /data\/es\/train\.jsonl: SHA-256 is [0-9a-f]{64}, SHA256SUMS says/);
  assert.match(tampered.stderr, /data\/es\/train\.jsonl: \d+ bytes, manifest\.json says \d+/);
});

test("item retract takes an approved item out of the next release, which lists it as retracted", async () => {
  // Continues from the test above: 1.0.0 is published with its 400 items.
  const maintainer = await db().user.findFirstOrThrow({ where: { role: "maintainer" } });
  const annotator = await db().user.findFirstOrThrow({ where: { role: "annotator" } });
  const item = await db().item.findFirstOrThrow({ where: { status: "approved" }, orderBy: { id: "asc" } });

  const malformed = await escriba(["item", "retract", "not-an-id", "--email", maintainer.email, "--reason", "x"]);
  assert.equal(malformed.code, 2);
  assert.match(malformed.stderr, /itemId/);
  const withoutReason = await escriba(["item", "retract", item.id, "--email", maintainer.email]);
  assert.notEqual(withoutReason.code, 0);
  assert.match(withoutReason.stderr, /--reason/);
  const byAnnotator = await escriba(["item", "retract", item.id, "--email", annotator.email, "--reason", "Licencia dudosa."]);
  assert.notEqual(byAnnotator.code, 0);
  assert.match(byAnnotator.stderr, /maintainer role/);
  assert.equal((await db().item.findUniqueOrThrow({ where: { id: item.id } })).status, "approved", "refused commands changed nothing");

  const retracted = await escriba(["item", "retract", item.id, "--email", maintainer.email, "--reason", "Licencia dudosa."]);
  assert.equal(retracted.code, 0, retracted.stderr);
  assert.equal((await db().item.findUniqueOrThrow({ where: { id: item.id } })).status, "retracted");
  const again = await escriba(["item", "retract", item.id, "--email", maintainer.email, "--reason", "Otra vez."]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /Only approved items can be retracted/);

  const next = await escriba(["release", "create", "--version", "1.1.0", "--email", maintainer.email]);
  assert.equal(next.code, 0, next.stderr);
  assert.match(next.stdout, /1\.1\.0 {2}built {2}399\/399 items/);
  const release = await db().release.findUniqueOrThrow({ where: { version: "1.1.0" } });
  const changelog = await readFile(path.join(releaseFolder(release.id), "CHANGELOG.md"), "utf8");
  assert.match(changelog, new RegExp(`### Retracted \\(no longer in the dataset\\)\\n\\n- ${item.id}\\n\\n`));
  assert.match(changelog, /In total: 0 added, 0 changed, 1 retracted\./);
});

test("release discard removes an unpublished release and its files, frees the version, and refuses while a build runs", async () => {
  // Continues from the tests above: 1.0.0 is published and 1.1.0 built.
  const maintainer = await db().user.findFirstOrThrow({ where: { role: "maintainer" } });
  const annotator = await db().user.findFirstOrThrow({ where: { role: "annotator" } });
  const release = await db().release.findUniqueOrThrow({ where: { version: "1.1.0" } });
  assert.equal(release.status, "built");
  const folder = releaseFolder(release.id);
  await access(folder);

  // A worker holding the build lock is building it right now: nothing may be taken from under it.
  const builder = await ReleaseBuildConnection.open(ownDatabase.url);
  try {
    assert.equal(await builder.tryLock(release.id), true);
    const whileBuilding = await escriba(["release", "discard", "1.1.0", "--email", maintainer.email]);
    assert.equal(whileBuilding.code, 2);
    assert.match(whileBuilding.stderr, /being built right now/);
  } finally {
    await builder.close();
  }
  const byAnnotator = await escriba(["release", "discard", "1.1.0", "--email", annotator.email]);
  assert.notEqual(byAnnotator.code, 0);
  assert.match(byAnnotator.stderr, /maintainer role/);
  assert.equal(await db().release.count({ where: { id: release.id } }), 1, "refused discards removed nothing");
  await access(folder);

  const discarded = await escriba(["release", "discard", "1.1.0", "--email", maintainer.email]);
  assert.equal(discarded.code, 0, discarded.stderr);
  assert.equal(await db().release.count({ where: { id: release.id } }), 0);
  assert.equal(await db().releaseFile.count({ where: { releaseId: release.id } }), 0);
  assert.equal(await db().releaseItem.count({ where: { releaseId: release.id } }), 0);
  await assert.rejects(access(folder), "its files are gone");
  const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: release.id, action: "release.discarded" } });
  assert.equal(audit.actorId, maintainer.id);

  const published = await escriba(["release", "discard", "1.0.0", "--email", maintainer.email]);
  assert.equal(published.code, 2);
  assert.match(published.stderr, /published releases cannot be discarded/);
  const again = await escriba(["release", "create", "--version", "1.1.0", "--email", maintainer.email]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /1\.1\.0 {2}built {2}399\/399 items/, "the version is free again");
});
