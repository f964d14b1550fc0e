// How many of the author's own items are in each status: the counts My work shows beside its status filter.
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { ITEM_STATUSES, type ItemStatus } from "@/lib/vocabulary";

export async function countMyItemsByStatus(viewer: Viewer): Promise<Record<ItemStatus, number>> {
  const groups = await db().item.groupBy({ by: ["status"], where: { authorId: viewer.id }, _count: { _all: true } });
  const counts = Object.fromEntries(ITEM_STATUSES.map((status) => [status, 0])) as Record<ItemStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}
