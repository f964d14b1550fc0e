// How many of their own items an author has in each state, for their start page.
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { ItemStatus } from "@/lib/generated/prisma/enums";

export const ITEM_STATUSES: readonly ItemStatus[] = [
  "draft",
  "submitted",
  "changes_requested",
  "approved",
  "rejected",
  "retracted",
];

export async function countMyItemsByStatus(viewer: Viewer): Promise<Record<ItemStatus, number>> {
  const groups = await db().item.groupBy({ by: ["status"], where: { authorId: viewer.id }, _count: { _all: true } });
  const counts = Object.fromEntries(ITEM_STATUSES.map((status) => [status, 0])) as Record<ItemStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}
