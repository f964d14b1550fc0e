// What the review screen shows for one item: its history, the viewer's lease, the guideline it was written under and
// the approvals of its current round.
import type { Viewer } from "@/lib/auth/viewer";
import { getGuideline } from "@/lib/campaigns/get-guideline";
import { getItemHistory } from "@/lib/reviews/get-item-history";
import { getLeaseExpiry } from "@/lib/reviews/get-lease";
import { countApprovals } from "@/lib/reviews/review-policy";

export async function getReviewContext(viewer: Viewer, itemId: string) {
  const history = await getItemHistory(viewer, itemId);
  const { item } = history;
  const [leaseExpiresAt, guideline] = await Promise.all([
    getLeaseExpiry(viewer, item.id),
    getGuideline(viewer, item.campaignId, item.language, item.guidelineVersion ?? undefined).catch(() => null),
  ]);
  const thisRound = history.reviews.filter((review) => review.round === item.reviewRound);
  return {
    history,
    leaseExpiresAt,
    guideline,
    approvals: { count: countApprovals(thisRound.map((review) => review.decision)), required: history.approvalsRequired },
  };
}
