// Reading releases: everyone (signed in or not) sees published ones; maintainers also see those in progress.
import { hasRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { bySemverDescending, RELEASE_VIEW_INCLUDE, toReleaseView, toReleaseViews } from "./release-view";
import type { ReleaseView } from "./schemas";

const seesUnpublished = (viewer: Viewer | null) => viewer !== null && hasRole(viewer, "maintainer");

export async function listReleases(viewer: Viewer | null): Promise<ReleaseView[]> {
  const releases = await db().release.findMany({
    where: seesUnpublished(viewer) ? {} : { status: "published" },
    include: RELEASE_VIEW_INCLUDE,
  });
  return toReleaseViews(releases.sort(bySemverDescending));
}

/** Unpublished releases are "not found" for anyone but maintainers, so their existence does not leak. */
export async function getRelease(viewer: Viewer | null, version: string): Promise<ReleaseView> {
  const release = await db().release.findUnique({ where: { version }, include: RELEASE_VIEW_INCLUDE });
  if (!release || (release.status !== "published" && !seesUnpublished(viewer))) throw notFound("Release");
  return toReleaseView(release);
}
