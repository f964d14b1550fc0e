// The dataset card (README.md) of a release, for its web page: read from the release's folder for anyone who
// may see the release, split into metadata and Markdown body.
import type { Readable } from "node:stream";
import type { Viewer } from "@/lib/auth/viewer";
import { splitDatasetCard, type DatasetCard } from "./dataset-card-front-matter";
import { getRelease } from "./read-releases";
import { releaseFileStore } from "./release-storage";

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
  const stored = await releaseFileStore().openFile(release.id, file.path, file.sizeBytes);
  return stored === null ? null : splitDatasetCard(await readAll(stored));
}

/** A small file's whole text (the store already checked it is the size the release registered). */
async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
