// The lease a reviewer holds on one item, so the review screen can say until when the item is theirs.
import type { Viewer } from "@/lib/auth/viewer";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";

/** When the viewer's lease on `itemId` expires (ISO), or null when they hold none that is still valid. */
export async function getLeaseExpiry(viewer: Viewer, itemId: string): Promise<string | null> {
  const lease = await db().reviewLease.findFirst({
    where: { itemId, reviewerId: viewer.id, expiresAt: { gt: currentTime() }, item: { status: "submitted" } },
    select: { expiresAt: true },
  });
  return lease?.expiresAt.toISOString() ?? null;
}
