// An item's revisions (with their quality reports) and reviews: what reviewers study and authors learn from.
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { canSeeItem } from "@/lib/items/item-access";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import { toEvidenceView } from "@/lib/provenance/evidence-view";
import type { ItemHistoryView } from "@/lib/reviews/schemas";
import type { QualityReport } from "@/lib/quality/check-item";

export async function getItemHistory(viewer: Viewer, itemId: string): Promise<ItemHistoryView> {
  if (!isUuid(itemId)) throw notFound("Item");
  const item = await db().item.findUnique({
    where: { id: itemId },
    include: {
      ...ITEM_VIEW_INCLUDE,
      campaign: { select: { approvalsRequired: true } },
      revisions: { orderBy: { number: "asc" }, include: { author: { select: { name: true } }, evidence: true } },
    },
  });
  if (!item || !canSeeItem(viewer, item)) throw notFound("Item");
  const reviews = await db().review.findMany({
    where: { itemId },
    orderBy: { createdAt: "asc" },
    include: { reviewer: { select: { name: true } }, revision: { select: { number: true } } },
  });
  // The reason lives in the audit event written with the retraction, the one record of who did it and why.
  const retraction =
    item.status === "retracted"
      ? await db().auditEvent.findFirst({
          where: { subjectType: "item", subjectId: itemId, action: "item.retracted" },
          orderBy: { createdAt: "desc" },
          include: { actor: { select: { name: true } } },
        })
      : null;
  return {
    item: toItemView(item),
    approvalsRequired: item.campaign.approvalsRequired,
    retraction: retraction
      ? {
          at: retraction.createdAt.toISOString(),
          byName: retraction.actor?.name ?? null,
          reason: String((retraction.payload as { reason?: unknown }).reason ?? ""),
        }
      : null,
    revisions: item.revisions.map((revision) => ({
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
