// Disputed items (one reviewer approved, another rejected) waiting for a maintainer, oldest first.
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import type { AdjudicationView } from "@/lib/reviews/schemas";

export async function listOpenAdjudications(viewer: Viewer): Promise<AdjudicationView[]> {
  assertRole(viewer, "maintainer");
  const open = await db().adjudication.findMany({
    where: { status: "open" },
    orderBy: { createdAt: "asc" },
    include: { item: { include: ITEM_VIEW_INCLUDE }, reviewCheck: { include: { reviewer: { select: { name: true } } } } },
  });
  return open.map((entry) => ({
    id: entry.id,
    round: entry.round,
    status: entry.status,
    createdAt: entry.createdAt.toISOString(),
    item: toItemView(entry.item),
    ownItem: entry.item.authorId === viewer.id,
    secondReview: entry.reviewCheck
      ? { reviewerName: entry.reviewCheck.reviewer.name, decision: entry.reviewCheck.decision!, comment: entry.reviewCheck.comment }
      : null,
  }));
}
