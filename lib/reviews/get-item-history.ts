// An item's revisions (with their quality reports) and reviews: what reviewers study and authors learn from.
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { canSeeItem } from "@/lib/items/item-access";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import { findHeldReviewCheck } from "@/lib/reviews/present-for-review";
import { toEvidenceView } from "@/lib/provenance/evidence-view";
import type { ItemHistoryView } from "@/lib/reviews/schemas";
import type { QualityReport } from "@/lib/quality/check-item";

/**
 * Whom the history must not tell the current round's decisions: a reviewer holding a gold item or second review (shown
 * as the round they are asked about, up to its revision), and anyone but the author who may still decide the submitted
 * item's round (a two-approval round's second reviewer never sees the first decision before deciding).
 */
async function blindingFor(
  viewer: Viewer,
  item: { id: string; authorId: string; status: string; reviewRound: number; reviewLease: { reviewerId: string } | null },
): Promise<{ round: number; lastRevision: number } | null> {
  const check = await findHeldReviewCheck(viewer, item.id);
  if (check) return { round: check.round, lastRevision: check.revision.number };
  if (item.status !== "submitted" || item.authorId === viewer.id) return null;
  if (viewer.role === "maintainer" && item.reviewLease?.reviewerId !== viewer.id) return null;
  const decided = await db().review.count({ where: { itemId: item.id, round: item.reviewRound, reviewerId: viewer.id } });
  return decided > 0 ? null : { round: item.reviewRound, lastRevision: Number.MAX_SAFE_INTEGER };
}

export async function getItemHistory(viewer: Viewer, itemId: string): Promise<ItemHistoryView> {
  if (!isUuid(itemId)) throw notFound("Item");
  const item = await db().item.findUnique({
    where: { id: itemId },
    include: {
      ...ITEM_VIEW_INCLUDE,
      campaign: { select: { approvalsRequired: true } },
      reviewLease: { select: { reviewerId: true } },
      revisions: { orderBy: { number: "asc" }, include: { author: { select: { name: true } }, evidence: true } },
    },
  });
  if (!item || !canSeeItem(viewer, item)) throw notFound("Item");
  const blind = await blindingFor(viewer, item);
  const reviews = await db().review.findMany({
    where: { itemId, ...(blind ? { round: { lt: blind.round } } : {}) },
    orderBy: { createdAt: "asc" },
    include: { reviewer: { select: { name: true } }, revision: { select: { number: true } } },
  });
  // The reason lives in the audit event written with the retraction, the one record of who did it and why.
  const retraction =
    item.status === "retracted" && !blind
      ? await db().auditEvent.findFirst({
          where: { subjectType: "item", subjectId: itemId, action: "item.retracted" },
          orderBy: { createdAt: "desc" },
          include: { actor: { select: { name: true } } },
        })
      : null;
  const previous = reviews.at(-1);
  return {
    item: blind
      ? {
          ...toItemView(item),
          status: "submitted",
          reviewRound: blind.round,
          latestFeedback: previous
            ? { decision: previous.decision, comment: previous.comment, citedClauses: previous.citedClauses, createdAt: previous.createdAt.toISOString() }
            : null,
        }
      : toItemView(item),
    approvalsRequired: item.campaign.approvalsRequired,
    retraction: retraction
      ? {
          at: retraction.createdAt.toISOString(),
          byName: retraction.actor?.name ?? null,
          reason: String((retraction.payload as { reason?: unknown }).reason ?? ""),
        }
      : null,
    revisions: item.revisions.filter((revision) => !blind || revision.number <= blind.lastRevision).map((revision) => ({
      id: revision.id,
      number: revision.number,
      kind: revision.kind,
      authorId: revision.authorId,
      authorName: revision.author.name,
      instruction: revision.instruction,
      context: revision.context,
      response: revision.response,
      qualityReport: (revision.qualityReport as unknown as QualityReport | null) ?? null,
      evidence: revision.evidence ? toEvidenceView(revision.evidence) : null,
      createdAt: revision.createdAt.toISOString(),
    })),
    reviews: reviews.map((review) => ({
      id: review.id,
      round: review.round,
      revisionNumber: review.revision.number,
      reviewerId: review.reviewerId,
      reviewerName: review.reviewer.name,
      decision: review.decision,
      scores: {
        instruction: review.scoreInstruction,
        correctness: review.scoreCorrectness,
        fluency: review.scoreFluency,
        safety: review.scoreSafety,
        guidelines: review.scoreGuidelines,
      },
      comment: review.comment,
      citedClauses: review.citedClauses,
      createdAt: review.createdAt.toISOString(),
    })),
  };
}
