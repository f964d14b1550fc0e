// A reviewer's decision on a gold item or a blind second review. It is recorded against the check only: the item, its
// reviews, its round outcomes and the earnings ledger stay as they were, and the answer has the shape and content an
// ordinary decision would have had, so the reviewer cannot tell. A second review that disagrees with an approval
// (approve versus not) opens an adjudication naming the check, where a maintainer may act.
import type { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { staleVersion } from "@/lib/items/item-access";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import { recordRevision } from "@/lib/items/record-revision";
import { applyReviewPolicy, countApprovals } from "@/lib/reviews/review-policy";
import type { decideInputSchema, DecisionResult } from "@/lib/reviews/schemas";
import { scoreColumns } from "@/lib/reviews/score-columns";

type Decision = z.output<typeof decideInputSchema>;

/** A gold answer matches when the decision is the expected one and, with a range expected, every score lies in it. */
export function goldMatches(
  gold: { expectedDecision: string; expectedScoreMin: number | null; expectedScoreMax: number | null },
  decision: string,
  scores: readonly number[],
): boolean {
  if (decision !== gold.expectedDecision) return false;
  const min = gold.expectedScoreMin ?? 1;
  const max = gold.expectedScoreMax ?? 5;
  return scores.every((score) => score >= min && score <= max);
}

export async function decideReviewCheck(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  checkId: string,
  input: Decision,
): Promise<DecisionResult> {
  const check = await tx.reviewCheck.findUniqueOrThrow({
    where: { id: checkId },
    include: { item: { include: { ...ITEM_VIEW_INCLUDE, campaign: true, goldItem: true } } },
  });
  const { item } = check;
  if (item.version !== input.version) throw staleVersion({ ...toItemView(item), status: "submitted" }, item.version);
  const edits = input.edits;
  if (edits && (edits.instruction !== undefined || edits.context !== undefined || edits.response !== undefined)) {
    // The edit is checked exactly as on new work, and then not kept: a check never changes the item.
    await tx.$executeRaw`SAVEPOINT review_check_edit`;
    await recordRevision(
      tx,
      {
        ...item,
        itemId: item.id,
        instruction: edits.instruction ?? item.instruction,
        context: edits.context === undefined ? item.context : edits.context || null,
        response: edits.response ?? item.response,
      },
      {
        kind: "reviewer_edit",
        authorId: viewer.id,
        overrides: {
          languageJustification: input.languageJustification ?? item.languageJustification,
          piiDeclaredFictional: input.piiDeclaredFictional ?? item.piiDeclaredFictional,
        },
        refusal: "The edited text has problems that block the decision.",
        fieldPrefix: "edits",
      },
    );
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT review_check_edit`;
  }
  const { scores, decision, comment } = input;
  const scoreList = [scores.instruction, scores.correctness, scores.fluency, scores.safety, scores.guidelines];
  const now = currentTime();
  const matched = check.kind === "gold" && item.goldItem ? goldMatches(item.goldItem, decision, scoreList) : null;
  const recorded = await tx.reviewCheck.updateMany({
    where: { id: check.id, decidedAt: null },
    data: {
      decision,
      ...scoreColumns(scores),
      comment,
      matched,
      decidedAt: now,
    },
  });
  if (recorded.count === 0) throw new AppError("conflict", "You do not hold a valid lease on this item: claim it again.", { details: { reason: "no_lease" } });
  const disputed = check.kind === "second_review" && item.status === "approved" && decision !== "approve";
  if (disputed) await tx.adjudication.create({ data: { itemId: item.id, round: check.round, reviewCheckId: check.id } });
  await recordAuditEvent(tx, {
    actorId: viewer.id,
    action: `review_check.${check.kind}`,
    subjectType: "item",
    subjectId: item.id,
    payload: { checkId: check.id, decision, matched, adjudication: disputed },
  });

  const outcome = applyReviewPolicy({ approvalsRequired: item.campaign.approvalsRequired, earlierDecisions: [], decision });
  const latestFeedback = { decision, comment, citedClauses: input.citedClauses, createdAt: now.toISOString() };
  return {
    item: { ...toItemView(item), latestFeedback, status: outcome.status, version: item.version + 1, reviewRound: check.round, updatedAt: now.toISOString() },
    adjudication: false,
    approvals: { count: countApprovals([decision]), required: item.campaign.approvalsRequired },
  };
}
