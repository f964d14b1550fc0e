// A reviewer gives a claimed item back to the queue without deciding.
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function releaseLease(viewer: Viewer, itemId: string): Promise<{ released: true }> {
  const released = await db().item.updateMany({
    where: { id: itemId, leasedToId: viewer.id },
    data: { leasedToId: null, leaseExpiresAt: null },
  });
  if (released.count === 0) throw new AppError("conflict", "You do not hold a lease on this item.");
  return { released: true };
}
