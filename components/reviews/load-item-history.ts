// Loads an item's history for a page, turning a malformed or invisible id into the 404 page.
import { notFound } from "next/navigation";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { getItemHistory } from "@/lib/reviews/get-item-history";

export async function loadItemHistory(viewer: Viewer, itemId: string) {
  if (!isUuid(itemId)) notFound();
  return getItemHistory(viewer, itemId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
}
