// A reviewer gives a claimed item back to the queue without deciding.
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function returnToQueue(viewer: Viewer, itemId: string): Promise<{ returned: true }> {
  const returned = await db().reviewLease.deleteMany({ where: { itemId, reviewerId: viewer.id } });
  // A gold item or second review given back is forgotten, as if never handed out.
  const check = await db().reviewCheck.deleteMany({ where: { itemId, reviewerId: viewer.id, decidedAt: null } });
  if (returned.count === 0 && check.count === 0) throw new AppError("conflict", "You do not hold a lease on this item.");
  return { returned: true };
}
