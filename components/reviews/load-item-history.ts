// Loads an item's history for a page, turning a malformed or invisible id into the 404 page.
import { notFound } from "next/navigation";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { getItemHistory } from "@/lib/reviews/get-item-history";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadItemHistory(viewer: Viewer, itemId: string) {
  if (!UUID.test(itemId)) notFound();
  return getItemHistory(viewer, itemId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
}
