// Where release files live: one interface, two places (this host's disk, or an S3-compatible bucket that every host
// reaches), chosen by ESCRIBA_STORAGE. Builds always write into a local staging folder first (the encoders write
// files as they go); the store then takes the finished folder as a whole. The release code knows only this interface.
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { env } from "@/lib/env";
import { DiskReleaseStore } from "./release-disk-store";
import { S3ReleaseStore } from "./release-s3-store";

export interface ReleaseFileStore {
  readonly kind: "disk" | "s3";
  /** Takes the files of a finished staging folder as the release's files, replacing what an earlier attempt left. */
  putRelease(releaseId: string, stagingFolder: string, relativePaths: string[]): Promise<void>;
  /** A stored file as a stream, or null when it is missing or not the size the release registered. */
  openFile(releaseId: string, relativePath: string, sizeBytes: number): Promise<Readable | null>;
  /** Removes every file of the release (nothing there is fine). */
  removeRelease(releaseId: string): Promise<void>;
}

let cached: ReleaseFileStore | undefined;

/** The store this process is configured for. */
export function releaseFileStore(): ReleaseFileStore {
  if (cached) return cached;
  const config = env();
  cached =
    config.ESCRIBA_STORAGE === "s3"
      ? new S3ReleaseStore({
          bucket: config.ESCRIBA_S3_BUCKET!,
          region: config.ESCRIBA_S3_REGION,
          endpoint: config.ESCRIBA_S3_ENDPOINT,
          forcePathStyle: config.ESCRIBA_S3_FORCE_PATH_STYLE,
          prefix: config.ESCRIBA_S3_PREFIX,
          credentials:
            config.ESCRIBA_S3_ACCESS_KEY_ID && config.ESCRIBA_S3_SECRET_ACCESS_KEY
              ? { accessKeyId: config.ESCRIBA_S3_ACCESS_KEY_ID, secretAccessKey: config.ESCRIBA_S3_SECRET_ACCESS_KEY }
              : undefined,
        })
      : new DiskReleaseStore(config.releasesDir);
  return cached;
}

/** The folder of a release in the disk store (tests and benches read files there directly). */
export function releaseFolder(releaseId: string): string {
  return path.join(env().releasesDir, releaseId);
}

export function stagingFolder(releaseId: string, attempt: number): string {
  return path.join(env().releasesDir, ".staging", `${releaseId}-${attempt}`);
}

/** What interrupted attempts of this release left behind (a killed process cleans nothing up). */
export async function removeStaleStaging(releaseId: string): Promise<void> {
  const root = path.join(env().releasesDir, ".staging");
  const entries = await readdir(root).catch(() => [] as string[]);
  await Promise.all(
    entries.filter((name) => name.startsWith(`${releaseId}-`)).map((name) => rm(path.join(root, name), { recursive: true, force: true })),
  );
}
