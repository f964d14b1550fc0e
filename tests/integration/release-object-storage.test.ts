// Release files in an S3-compatible bucket (s3rver on localhost): a release built by the job lands in the bucket
// and nowhere on local disk, downloads stream back byte for byte what a build on disk writes from the same frozen
// items, a lost object is "not found" rather than a 500, and discarding a release deletes its objects.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { DeleteObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { startTestS3Server, TEST_BUCKET } from "@/tests/support/s3-server";

const s3 = await startTestS3Server();
const releasesDir = await mkdtemp(path.join(tmpdir(), "escriba-s3-staging-"));
Object.assign(process.env, s3.env, { ESCRIBA_RELEASES_DIR: releasesDir });

const { db } = await import("@/lib/db");
const { AppError } = await import("@/lib/errors");
const { buildRelease } = await import("@/lib/releases/build-release");
const { createRelease } = await import("@/lib/releases/create-release");
const { discardRelease } = await import("@/lib/releases/discard-release");
const { publishRelease } = await import("@/lib/releases/publish-release");
const { pseudonymKey } = await import("@/lib/releases/pseudonym-key");
const { openReleaseFile } = await import("@/lib/releases/release-file-download");
const { releaseFileStore, releaseFolder } = await import("@/lib/releases/release-storage");
const { readDatasetCard } = await import("@/lib/releases/read-dataset-card");
const { createTestCampaign } = await import("@/tests/support/seed-campaigns");
const { insertApprovedItems } = await import("@/tests/support/seed-approved-items");
const { createTestUser } = await import("@/tests/support/seed-users");
const { ownDatabaseForThisFile } = await import("@/tests/support/own-database");
const { rebuildReleaseFiles } = await import("@/tests/support/rebuild-release");
const { viewerOf } = await import("@/tests/support/viewers");

const ownDatabase = ownDatabaseForThisFile("escriba_release_s3");
const client = new S3Client({ endpoint: s3.endpoint, region: "us-east-1", forcePathStyle: true, credentials: s3.credentials });
after(async () => {
  client.destroy();
  await s3.stop();
  await rm(releasesDir, { recursive: true, force: true });
});

async function keysUnder(prefix: string): Promise<string[]> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: TEST_BUCKET, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => object.Key!).sort();
}

async function sha256OfStream(stream: ReadableStream<Uint8Array>): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  return { sha256: hash.digest("hex"), bytes };
}

test("a release built into S3 downloads byte-identically to the same release written on disk; discard deletes its objects", async () => {
  assert.equal(releaseFileStore().kind, "s3");
  const maintainer = viewerOf(await createTestUser("maintainer", ["es", "ca", "eu", "gl"]));
  const annotator = await createTestUser("annotator", ["es"]);
  const campaign = await createTestCampaign();
  // Enough rows for data files of a few hundred kilobytes, in all four languages.
  await insertApprovedItems({ count: 1_200, campaignId: campaign.id, authorId: annotator.id });

  const created = await createRelease(maintainer, { version: "1.0.0", license: "cc-by-4.0", notes: "En S3." });
  assert.equal(await buildRelease({ releaseId: created.id, attempt: 1 }), "built");
  await publishRelease(maintainer, "1.0.0");
  const files = await db().releaseFile.findMany({ where: { releaseId: created.id }, orderBy: { path: "asc" } });
  assert.equal(files.length, 12);

  assert.deepEqual(await keysUnder(`releases/${created.id}/`), files.map((file) => `releases/${created.id}/${file.path}`));
  assert.equal(existsSync(releaseFolder(created.id)), false, "nothing of the release stays on this host's disk");
  assert.deepEqual(await readdir(path.join(releasesDir, ".staging")).catch(() => []), [], "the staging folder is gone");

  // The same frozen items written to a folder on disk, exactly as the disk store keeps them.
  const diskFolder = await mkdtemp(path.join(tmpdir(), "escriba-s3-disk-"));
  const release = await db().release.findUniqueOrThrow({ where: { id: created.id } });
  const onDisk = await rebuildReleaseFiles(ownDatabase.url, release, await pseudonymKey(), diskFolder);
  await rm(diskFolder, { recursive: true, force: true });

  for (const file of onDisk.files) {
    const download = await openReleaseFile(null, "1.0.0", file.path);
    assert.equal(download.sha256, file.sha256, `${file.path}: registered digest`);
    assert.deepEqual(await sha256OfStream(download.body), { sha256: file.sha256, bytes: file.sizeBytes }, `${file.path}: downloaded bytes`);
  }
  const card = await readDatasetCard(null, "1.0.0");
  assert.match(card?.body ?? "", /1\.0\.0|1,200|1200/, "the dataset card is read from the bucket");

  await client.send(new DeleteObjectCommand({ Bucket: TEST_BUCKET, Key: `releases/${created.id}/CHANGELOG.md` }));
  await assert.rejects(openReleaseFile(null, "1.0.0", "CHANGELOG.md"), (error: unknown) => error instanceof AppError && error.code === "not_found");

  const unwanted = await createRelease(maintainer, { version: "1.1.0", license: "cc-by-4.0" });
  assert.equal(await buildRelease({ releaseId: unwanted.id, attempt: 1 }), "built");
  assert.equal((await keysUnder(`releases/${unwanted.id}/`)).length, 12);
  await discardRelease(maintainer, "1.1.0");
  assert.deepEqual(await keysUnder(`releases/${unwanted.id}/`), [], "discard deletes the release's objects");
  assert.equal((await keysUnder(`releases/${created.id}/`)).length, 11, "and only its own");
});
