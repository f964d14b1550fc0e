// How a stored item is shown to its author and reviewers.
import type { Guideline, Item, Review, WritingEvidence } from "@/lib/generated/prisma/client";
import type { ItemView } from "@/lib/items/schemas";
import { toEvidenceView } from "@/lib/provenance/evidence-view";

export const ITEM_VIEW_INCLUDE = {
  guideline: { select: { version: true } },
  reviews: { orderBy: { createdAt: "desc" as const }, take: 1 },
  // The author's running record (a frozen copy per revision is shown with the revision).
  writingEvidence: { where: { kind: "writing" as const, revisionId: null }, take: 1 },
};

export function toItemView(
  item: Item & { guideline: Pick<Guideline, "version"> | null; reviews: Review[]; writingEvidence: WritingEvidence[] },
): ItemView {
  const review = item.reviews[0];
  const evidence = item.writingEvidence[0];
  return {
    id: item.id,
    campaignId: item.campaignId,
    guidelineId: item.guidelineId,
    guidelineVersion: item.guideline?.version ?? null,
    authorId: item.authorId,
    language: item.language,
    variety: item.variety,
    category: item.category,
    status: item.status,
    instruction: item.instruction,
    context: item.context,
    response: item.response,
    sourceUrl: item.sourceUrl,
    sourceLicense: item.sourceLicense,
    languageJustification: item.languageJustification,
    piiDeclaredFictional: item.piiDeclaredFictional,
    version: item.version,
    reviewRound: item.reviewRound,
    submittedAt: item.submittedAt?.toISOString() ?? null,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    latestFeedback: review
      ? {
          decision: review.decision,
          comment: review.comment,
          citedClauses: review.citedClauses,
          createdAt: review.createdAt.toISOString(),
        }
      : null,
    evidence: evidence ? toEvidenceView(evidence) : null,
  };
}
