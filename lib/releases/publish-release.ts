// A maintainer publishes a built release: from then on it is public and immutable.
import semver from "semver";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findRelease, latestPublishedVersion, previousPublishedRelease, RELEASE_VIEW_INCLUDE, toReleaseView } from "./release-view";
import type { ReleaseView } from "./schemas";

/** Makes a built release public and immutable. Its changelog must still compare with the latest published one. */
export async function publishRelease(actor: Viewer, version: string): Promise<ReleaseView> {
  assertRole(actor, "maintainer");
  const release = await findRelease(version);
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
      data: { status: "published", publishedAt: currentTime() },
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
