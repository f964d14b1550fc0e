// A maintainer starts a new build attempt of a release whose build failed or whose worker died.
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueReleaseBuild } from "./release-jobs";
import { findRelease, RELEASE_VIEW_INCLUDE, toReleaseView } from "./release-view";
import type { ReleaseView } from "./schemas";

/** Starts a new build attempt of a release whose build failed or whose worker died. */
export async function retryReleaseBuild(actor: Viewer, version: string): Promise<ReleaseView> {
  assertRole(actor, "maintainer");
  const release = await findRelease(version);
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
