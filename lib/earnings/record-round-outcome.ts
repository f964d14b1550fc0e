// What the end of a review round means for the programme's records: the round's outcome (counted in productivity
// reports on the day it happened) and, at an item's first approval, its author's earning at the campaign's rate of
// that moment. Rework and re-approval are never paid twice: the ledger's unique key is the item.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ItemStatus } from "@/lib/generated/prisma/enums";

export interface ConcludedRound {
  item: { id: string; authorId: string; campaignId: string; reviewRound: number };
  campaign: { ratePerApprovedItem: Prisma.Decimal; currency: string };
  outcome: Extract<ItemStatus, "approved" | "changes_requested" | "rejected">;
  at: Date;
}

export async function recordRoundOutcome(tx: Prisma.TransactionClient, round: ConcludedRound): Promise<void> {
  const { item, campaign, outcome, at } = round;
  await tx.reviewOutcome.create({
    data: { itemId: item.id, round: item.reviewRound, authorId: item.authorId, campaignId: item.campaignId, outcome, decidedAt: at },
  });
  if (outcome !== "approved" || campaign.ratePerApprovedItem.isZero()) return;
  await tx.earning.createMany({
    data: {
      userId: item.authorId,
      kind: "item",
      subjectId: item.id,
      itemId: item.id,
      campaignId: item.campaignId,
      earnedAt: at,
      amount: campaign.ratePerApprovedItem,
      currency: campaign.currency,
    },
    skipDuplicates: true,
  });
}

/** A review decision is paid to its reviewer when the campaign pays for reviews. */
export async function recordReviewEarning(
  tx: Prisma.TransactionClient,
  review: { id: string; reviewerId: string; itemId: string; campaignId: string; at: Date },
  campaign: { ratePerReview: Prisma.Decimal | null; currency: string },
): Promise<void> {
  if (!campaign.ratePerReview || campaign.ratePerReview.isZero()) return;
  await tx.earning.createMany({
    data: {
      userId: review.reviewerId,
      kind: "review",
      subjectId: review.id,
      itemId: review.itemId,
      campaignId: review.campaignId,
      earnedAt: review.at,
      amount: campaign.ratePerReview,
      currency: campaign.currency,
    },
    skipDuplicates: true,
  });
}
