// What a reviewer deciding an item may see of it. Whether it is new work, a gold item or a blind second review, it looks
// the same: waiting for review, with the feedback of earlier rounds only, so nobody sees a colleague's decision on the
// text in front of them (a two-approval round's first decision included) before making their own.
import type { Viewer } from "@/lib/auth/viewer";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import type { ItemView } from "@/lib/items/schemas";

/** The undecided, unexpired gold item or second review `viewer` holds on `itemId`, if any. */
export async function findHeldReviewCheck(viewer: Pick<Viewer, "id">, itemId: string) {
  return db().reviewCheck.findFirst({
    where: { itemId, reviewerId: viewer.id, decidedAt: null, leaseExpiresAt: { gt: currentTime() } },
    include: { revision: { select: { number: true } } },
  });
}

/** The item as the reviewer deciding it sees it: `round` is the round under review; feedback comes from earlier ones. */
export async function presentForReview(itemId: string, round: number): Promise<ItemView> {
  const item = await db().item.findUniqueOrThrow({
    where: { id: itemId },
    include: { ...ITEM_VIEW_INCLUDE, reviews: { where: { round: { lt: round } }, orderBy: { createdAt: "desc" }, take: 1 } },
  });
  return { ...toItemView(item), status: "submitted", reviewRound: round };
}
