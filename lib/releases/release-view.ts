// How a stored release is shown, and the version order releases follow.
import semver from "semver";
import { db } from "@/lib/db";
import type { Release, ReleaseFile } from "@/lib/generated/prisma/client";
import { BUILD_LOCK_PROBE_SQL } from "./release-build-lock";
import { releaseStatisticsSchema, type ReleaseView } from "./schemas";
import type { ReleaseManifest } from "./write-release-files";

export const RELEASE_VIEW_INCLUDE = {
  files: { orderBy: { path: "asc" as const } },
  previousRelease: { select: { version: true } },
};

type StoredRelease = Release & { files: ReleaseFile[]; previousRelease: { version: string } | null };

/** A build no live process holds the lock of: its worker was killed or crashed, and it can be retried. */
async function isStalled(release: Release): Promise<boolean> {
  if (release.status !== "building") return false;
  const rows = await db().$queryRawUnsafe<{ free: boolean }[]>(BUILD_LOCK_PROBE_SQL, release.id);
  return rows[0]?.free === true;
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

export async function toReleaseView(release: StoredRelease): Promise<ReleaseView> {
  return {
    id: release.id,
    version: release.version,
    license: release.license,
    notes: release.notes,
    status: release.status,
    progress: { done: release.progressDone, total: release.progressTotal },
    stalled: await isStalled(release),
    error: release.error,
    previousVersion: release.previousRelease?.version ?? null,
    createdAt: release.createdAt.toISOString(),
    builtAt: release.builtAt?.toISOString() ?? null,
    publishedAt: release.publishedAt?.toISOString() ?? null,
    files: release.files.map((file) => ({ path: file.path, sizeBytes: Number(file.sizeBytes), sha256: file.sha256 })),
    statistics: statisticsOf(release.manifest),
  };
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
