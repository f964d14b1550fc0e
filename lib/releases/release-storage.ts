// Where release files live on disk: one folder per release under ESCRIBA_RELEASES_DIR, and a staging area that
// builds write into before their folder is moved into place.
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

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
