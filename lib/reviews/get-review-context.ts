// What the review screen shows for one item: its history, the viewer's lease, the guideline it was written under and
// the approvals of its current round.
import type { Viewer } from "@/lib/auth/viewer";
import { getGuideline } from "@/lib/campaigns/get-guideline";
import { getItemHistory } from "@/lib/reviews/get-item-history";
import { getLeaseExpiry } from "@/lib/reviews/get-lease";
import { findHeldReviewCheck } from "@/lib/reviews/present-for-review";
import { countApprovals } from "@/lib/reviews/review-policy";

export async function getReviewContext(viewer: Viewer, itemId: string) {
  const history = await getItemHistory(viewer, itemId);
  const { item } = history;
  const [leaseExpiresAt, check, guideline] = await Promise.all([
    getLeaseExpiry(viewer, item.id),
    findHeldReviewCheck(viewer, item.id),
    getGuideline(viewer, item.campaignId, item.language, item.guidelineVersion ?? undefined).catch(() => null),
  ]);
  const thisRound = history.reviews.filter((review) => review.round === item.reviewRound);
  return {
    history,
    leaseExpiresAt: check?.leaseExpiresAt.toISOString() ?? leaseExpiresAt,
    guideline,
    // Until the viewer has decided, the round's count would betray a colleague's decision: only what is required shows.
    approvals: {
      count: thisRound.some((review) => review.reviewerId === viewer.id) || item.status !== "submitted"
        ? countApprovals(thisRound.map((review) => review.decision))
        : null,
      required: history.approvalsRequired,
    },
  };
}
