// What maintainers do with a release after creating it: retry a failed or stalled build, publish a built one,
// discard one that is not published.
import { rm } from "node:fs/promises";
import semver from "semver";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { BUILD_LOCK_PROBE_SQL } from "./release-build-lock";
import { enqueueReleaseBuild } from "./release-jobs";
import { releaseFolder, removeStaleStaging } from "./release-storage";
import { latestPublishedVersion, previousPublishedRelease, RELEASE_VIEW_INCLUDE, toReleaseView } from "./release-view";
import type { ReleaseView } from "./schemas";

async function loadRelease(version: string) {
  const release = await db().release.findUnique({ where: { version }, include: RELEASE_VIEW_INCLUDE });
  if (!release) throw notFound("Release");
  return release;
}

/** Starts a new build attempt of a release whose build failed or whose worker died. */
export async function retryReleaseBuild(actor: Viewer, version: string): Promise<ReleaseView> {
  assertRole(actor, "maintainer");
  const release = await loadRelease(version);
  const view = await toReleaseView(release);
  if (release.status !== "failed" && !view.stalled) {
    throw new AppError("conflict", `Release ${version} is ${release.status}; only a failed or stalled build can be retried.`, {
      details: { status: release.status },
    });
  }
  const retried = await db().$transaction(async (tx) => {
    // The attempt number in the WHERE makes two retries at once start one build, not two.
    const updated = await tx.release.updateMany({
      where: { id: release.id, buildAttempt: release.buildAttempt, status: release.status },
      data: { status: "queued", buildAttempt: { increment: 1 }, error: null, progressDone: 0 },
    });
    if (updated.count === 0) throw new AppError("conflict", `Release ${version} changed meanwhile; reload it.`);
    await enqueueReleaseBuild(tx, release.id, release.buildAttempt + 1);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "release.retried",
      subjectType: "release",
      subjectId: release.id,
      payload: { version, attempt: release.buildAttempt + 1, after: release.status },
    });
    return tx.release.findUniqueOrThrow({ where: { id: release.id }, include: RELEASE_VIEW_INCLUDE });
  });
  return toReleaseView(retried);
}

/** Makes a built release public and immutable. Its changelog must still compare with the latest published one. */
export async function publishRelease(actor: Viewer, version: string): Promise<ReleaseView> {
  assertRole(actor, "maintainer");
  const release = await loadRelease(version);
  if (release.status === "published") throw new AppError("conflict", `Release ${version} is already published.`);
  if (release.status !== "built") {
    throw new AppError("conflict", `Release ${version} is ${release.status}; only a built release can be published.`, {
      details: { status: release.status },
    });
  }
  const latest = await latestPublishedVersion();
  const previous = await previousPublishedRelease(version);
  if ((latest && !semver.gt(version, latest)) || (previous?.id ?? null) !== release.previousReleaseId) {
    throw new AppError(
      "conflict",
      `Another release was published after ${version} was built, so its changelog is out of date; create a new release.`,
    );
  }
  const published = await db().$transaction(async (tx) => {
    const updated = await tx.release.updateMany({
      where: { id: release.id, status: "built" },
      data: { status: "published", publishedAt: new Date() },
    });
    if (updated.count === 0) throw new AppError("conflict", `Release ${version} changed meanwhile; reload it.`);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "release.published",
      subjectType: "release",
      subjectId: release.id,
      payload: { version },
    });
    return tx.release.findUniqueOrThrow({ where: { id: release.id }, include: RELEASE_VIEW_INCLUDE });
  });
  return toReleaseView(published);
}

/**
 * Removes a release that was never published (a wrong version, a build not worth keeping): its record, its frozen
 * item set and its files; the version can be used again. Published releases are immutable and stay. A build that
 * a live worker is running is refused; a queued one is dropped (its job finds no release and stands down).
 */
export async function discardRelease(actor: Viewer, version: string): Promise<{ version: string; discarded: true }> {
  assertRole(actor, "maintainer");
  const release = await loadRelease(version);
  if (release.status === "published") {
    throw new AppError("conflict", `Release ${version} is published; published releases cannot be discarded.`, {
      details: { status: release.status },
    });
  }
  await db().$transaction(async (tx) => {
    // Holding the build lock until commit keeps any worker from starting or continuing this build meanwhile.
    const [probe] = await tx.$queryRawUnsafe<{ free: boolean }[]>(BUILD_LOCK_PROBE_SQL, release.id);
    if (!probe?.free) {
      throw new AppError("conflict", `Release ${version} is being built right now; wait for the build to end, then discard it.`, {
        details: { status: "building" },
      });
    }
    const deleted = await tx.release.deleteMany({ where: { id: release.id, status: { not: "published" } } });
    if (deleted.count === 0) throw new AppError("conflict", `Release ${version} changed meanwhile; reload it.`);
    await tx.releaseItem.deleteMany({ where: { releaseId: release.id } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "release.discarded",
      subjectType: "release",
      subjectId: release.id,
      payload: { version, status: release.status },
    });
  });
  // Only once the record is gone: a failure here leaves an unreferenced folder, never a release without its files.
  await rm(releaseFolder(release.id), { recursive: true, force: true });
  await removeStaleStaging(release.id);
  return { version, discarded: true };
}
