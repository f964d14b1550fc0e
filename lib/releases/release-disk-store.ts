// Release files on this host's disk: `<releases dir>/<release id>/<path>`, a finished staging folder renamed into place.
import { createReadStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import type { ReleaseFileStore } from "./release-storage";

export class DiskReleaseStore implements ReleaseFileStore {
  readonly kind = "disk" as const;

  constructor(private readonly root: string) {}

  private folder(releaseId: string): string {
    return path.join(this.root, releaseId);
  }

  async putRelease(releaseId: string, stagingFolder: string): Promise<void> {
    // Whatever an interrupted attempt left in the final folder was never registered; this attempt replaces it.
    await rm(this.folder(releaseId), { recursive: true, force: true });
    await rename(stagingFolder, this.folder(releaseId));
  }

  async openFile(releaseId: string, relativePath: string, sizeBytes: number): Promise<Readable | null> {
    const absolute = path.join(this.folder(releaseId), relativePath);
    const onDisk = await stat(absolute).catch(() => null);
    if (!onDisk || onDisk.size !== sizeBytes) return null;
    return createReadStream(absolute);
  }

  async removeRelease(releaseId: string): Promise<void> {
    await rm(this.folder(releaseId), { recursive: true, force: true });
  }
}
