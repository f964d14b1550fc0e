// How a stored release is shown, and the version order releases follow.
import semver from "semver";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Release, ReleaseFile } from "@/lib/generated/prisma/client";
import { BUILD_LOCKS_PROBE_SQL } from "./release-build-lock";
import { releaseStatisticsSchema, type ReleaseView } from "./schemas";
import type { ReleaseManifest } from "./write-release-files";

export const RELEASE_VIEW_INCLUDE = {
  files: { orderBy: { path: "asc" as const } },
  previousRelease: { select: { version: true } },
};

type StoredRelease = Release & { files: ReleaseFile[]; previousRelease: { version: string } | null };

/**
 * Builds no live process holds the lock of: their worker was killed or crashed, and they can be retried. One query
 * for a whole list, and none when nothing is building.
 */
async function stalledIds(releases: readonly Release[]): Promise<Set<string>> {
  const building = releases.filter((release) => release.status === "building").map((release) => release.id);
  if (building.length === 0) return new Set();
  const rows = await db().$queryRawUnsafe<{ id: string; free: boolean }[]>(BUILD_LOCKS_PROBE_SQL, building);
  return new Set(rows.filter((row) => row.free).map((row) => row.id));
}

function statisticsOf(manifest: unknown): ReleaseView["statistics"] {
  if (!manifest) return null;
  const stored = manifest as ReleaseManifest;
  const parsed = releaseStatisticsSchema.safeParse({
    items: stored.items,
    languages: stored.languages,
    maskedPiiSpans: stored.masked_pii_spans,
  });
  return parsed.success ? parsed.data : null;
}

function viewOf(release: StoredRelease, stalled: boolean): ReleaseView {
  return {
    id: release.id,
    version: release.version,
    license: release.license,
    notes: release.notes,
    status: release.status,
    progress: { done: release.progressDone, total: release.progressTotal },
    stalled,
    error: release.error,
    previousVersion: release.previousRelease?.version ?? null,
    createdAt: release.createdAt.toISOString(),
    builtAt: release.builtAt?.toISOString() ?? null,
    publishedAt: release.publishedAt?.toISOString() ?? null,
    files: release.files.map((file) => ({ path: file.path, sizeBytes: Number(file.sizeBytes), sha256: file.sha256 })),
    statistics: statisticsOf(release.manifest),
  };
}

export async function toReleaseViews(releases: readonly StoredRelease[]): Promise<ReleaseView[]> {
  const stalled = await stalledIds(releases);
  return releases.map((release) => viewOf(release, stalled.has(release.id)));
}

export async function toReleaseView(release: StoredRelease): Promise<ReleaseView> {
  const [view] = await toReleaseViews([release]);
  return view!;
}

/** A release by version, with what its view shows. */
export async function findRelease(version: string): Promise<StoredRelease> {
  const release = await db().release.findUnique({ where: { version }, include: RELEASE_VIEW_INCLUDE });
  if (!release) throw notFound("Release");
  return release;
}

/** Newest first, by semantic version. */
export function bySemverDescending<T extends { version: string }>(a: T, b: T): number {
  return semver.rcompare(a.version, b.version);
}

/** The latest published release older than `version`: what its changelog compares with. */
export async function previousPublishedRelease(version: string): Promise<{ id: string; version: string } | null> {
  const published = await db().release.findMany({ where: { status: "published" }, select: { id: true, version: true } });
  return published.filter((release) => semver.lt(release.version, version)).sort(bySemverDescending)[0] ?? null;
}

/** The highest published version, if any. */
export async function latestPublishedVersion(): Promise<string | null> {
  const published = await db().release.findMany({ where: { status: "published" }, select: { version: true } });
  return published.sort(bySemverDescending)[0]?.version ?? null;
}
