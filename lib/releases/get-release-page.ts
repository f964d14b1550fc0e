// What a release's page shows: the release and its dataset card, for whoever may see it. A malformed version is
// "not found" like an unknown one.
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { readDatasetCard } from "./read-dataset-card";
import { getRelease } from "./read-releases";
import { releaseVersionSchema } from "./schemas";

export async function getReleasePage(viewer: Viewer | null, version: string) {
  if (!releaseVersionSchema.safeParse(version).success) throw notFound("Release");
  const [release, card] = await Promise.all([getRelease(viewer, version), readDatasetCard(viewer, version)]);
  return { release, card };
}
