// The dataset card (README.md) of a release, for its web page: read from the release's folder for anyone who
// may see the release, split into metadata and Markdown body.
import { open } from "node:fs/promises";
import path from "node:path";
import type { Viewer } from "@/lib/auth/viewer";
import { splitDatasetCard, type DatasetCard } from "./dataset-card-front-matter";
import { getRelease } from "./read-releases";
import { releaseFolder } from "./release-storage";

export const DATASET_CARD_PATH = "README.md";
/** Cards are a few kilobytes; anything far bigger is not rendered inline (it stays downloadable). */
export const MAX_DATASET_CARD_BYTES = 256 * 1024;

/**
 * The card, or null when the release has none yet (not built) or it is too big to show. A release the viewer
 * may not see is not_found, exactly as `getRelease` says.
 */
export async function readDatasetCard(viewer: Viewer | null, version: string): Promise<DatasetCard | null> {
  const release = await getRelease(viewer, version);
  // Only a file the release registered is read, so the path never comes from the request.
  const file = release.files.find((candidate) => candidate.path === DATASET_CARD_PATH);
  if (!file || file.sizeBytes > MAX_DATASET_CARD_BYTES) return null;
  const text = await readAtMost(path.join(releaseFolder(release.id), file.path), file.sizeBytes);
  return text === null ? null : splitDatasetCard(text);
}

/** The file's first `bytes` bytes as UTF-8 (what the release registered, whatever the disk holds now); null if it is gone. */
async function readAtMost(absolutePath: string, bytes: number): Promise<string | null> {
  const handle = await open(absolutePath, "r").catch(() => null);
  if (!handle) return null;
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}
