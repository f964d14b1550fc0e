// A maintainer discards a release that was never published, files and all, freeing its version.
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { BUILD_LOCK_PROBE_SQL } from "./release-build-lock";
import { releaseFileStore, removeStaleStaging } from "./release-storage";
import { findRelease } from "./release-view";

/**
 * Removes a release that was never published (a wrong version, a build not worth keeping): its record, its frozen
 * item set and its files; the version can be used again. Published releases are immutable and stay. A build that
 * a live worker is running is refused; a queued one is dropped (its job finds no release and stands down).
 */
export async function discardRelease(actor: Viewer, version: string): Promise<{ version: string; discarded: true }> {
  assertRole(actor, "maintainer");
  const release = await findRelease(version);
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
  await releaseFileStore().removeRelease(release.id);
  await removeStaleStaging(release.id);
  return { version, discarded: true };
}
