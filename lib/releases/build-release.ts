// The release build job: freeze the item set, write every file into a staging folder, move it into place, then
// mark the release built in one transaction. Killed at any point, it leaves no built or published release, only
// a staging folder the next attempt replaces; a retry starts a new attempt and older jobs stand down.
import { rm } from "node:fs/promises";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { databaseUrl, env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { pseudonymKey } from "./pseudonym-key";
import { ReleaseBuildConnection } from "./release-database";
import { buildReleasePayloadSchema } from "./release-jobs";
import { releaseFileStore, removeStaleStaging, stagingFolder } from "./release-storage";
import { previousPublishedRelease } from "./release-view";
import { writeReleaseFiles } from "./write-release-files";

/** How often progress is written back while rows stream through. */
const PROGRESS_EVERY_MS = 500;

export type BuildOutcome = "built" | "failed" | "skipped";

/** Runs one build attempt; `skipped` when another process holds the build or the attempt is out of date. */
export async function buildRelease(rawPayload: unknown): Promise<BuildOutcome> {
  const { releaseId, attempt } = buildReleasePayloadSchema.parse(rawPayload);
  const connection = await ReleaseBuildConnection.open(databaseUrl());
  try {
    if (!(await connection.tryLock(releaseId))) return "skipped";
    const release = await db().release.findUnique({ where: { id: releaseId } });
    if (!release || release.buildAttempt !== attempt || !["queued", "building"].includes(release.status)) return "skipped";
    await db().release.update({ where: { id: releaseId }, data: { status: "building", error: null, progressDone: 0 } });

    const staging = stagingFolder(releaseId, attempt);
    try {
      await connection.freezeItems(releaseId);
      const previous = await previousPublishedRelease(release.version);
      await db().release.update({ where: { id: releaseId }, data: { previousReleaseId: previous?.id ?? null } });

      await rm(staging, { recursive: true, force: true });
      let lastProgressAt = 0;
      let progressWrite: Promise<unknown> = Promise.resolve();
      const written = await writeReleaseFiles(
        await connection.content(releaseId, previous?.id ?? null),
        {
          id: releaseId,
          version: release.version,
          license: release.license,
          notes: release.notes,
          createdAt: release.createdAt,
          datasetName: env().ESCRIBA_DATASET_NAME,
          previous,
        },
        staging,
        {
          pseudonymKey: await pseudonymKey(),
          onProgress: ({ done, total }) => {
            if (done > 0 && Date.now() - lastProgressAt < PROGRESS_EVERY_MS) return;
            lastProgressAt = Date.now();
            progressWrite = progressWrite.then(() =>
              db()
                .release.update({ where: { id: releaseId }, data: { progressDone: done, progressTotal: total } })
                .catch(() => {}),
            );
          },
        },
      );
      await progressWrite;

      await releaseFileStore().putRelease(releaseId, staging, written.files.map((file) => file.path));
      await removeStaleStaging(releaseId);
      await db().$transaction(async (tx) => {
        await tx.releaseFile.deleteMany({ where: { releaseId } });
        await tx.releaseFile.createMany({
          data: written.files.map((file) => ({ releaseId, path: file.path, sizeBytes: BigInt(file.sizeBytes), sha256: file.sha256 })),
        });
        await tx.release.update({
          where: { id: releaseId },
          data: {
            status: "built",
            builtAt: currentTime(),
            progressDone: written.manifest.items,
            progressTotal: written.manifest.items,
            manifest: JSON.parse(JSON.stringify(written.manifest)),
          },
        });
        await recordAuditEvent(tx, {
          actorId: null,
          action: "release.built",
          subjectType: "release",
          subjectId: releaseId,
          payload: { version: release.version, attempt, items: written.manifest.items },
        });
      });
      return "built";
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger().error({ release: release.version, attempt }, `Release ${release.version} failed to build: ${message}`);
      await rm(staging, { recursive: true, force: true }).catch(() => {});
      await db().$transaction(async (tx) => {
        const marked = await tx.release.updateMany({
          where: { id: releaseId, buildAttempt: attempt, status: "building" },
          data: { status: "failed", error: message.slice(0, 2000) },
        });
        if (marked.count > 0) {
          await recordAuditEvent(tx, {
            actorId: null,
            action: "release.build_failed",
            subjectType: "release",
            subjectId: releaseId,
            payload: { version: release.version, attempt, error: message.slice(0, 500) },
          });
        }
      });
      return "failed";
    }
  } finally {
    await connection.close();
  }
}
