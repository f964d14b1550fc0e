// Loads what a release's public page shows, turning an unknown, malformed or invisible version into the 404 page.
import { notFound } from "next/navigation";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { readDatasetCard } from "@/lib/releases/read-dataset-card";
import { getRelease } from "@/lib/releases/read-releases";
import { releaseVersionSchema } from "@/lib/releases/schemas";

export async function loadReleasePage(viewer: Viewer | null, version: string) {
  if (!releaseVersionSchema.safeParse(version).success) notFound();
  try {
    const [release, card] = await Promise.all([getRelease(viewer, version), readDatasetCard(viewer, version)]);
    return { release, card };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
