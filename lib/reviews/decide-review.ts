// A reviewer's decision on a leased item: rubric scores, comment, cited clauses and optional edits (which become a
// revision credited to the reviewer). The campaign's policy then decides the item's new state.
import type { z } from "zod";
import { assertNotOwnWork, assertQualifiedFor, assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { staleVersion } from "@/lib/items/item-access";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import { recordRevision } from "@/lib/items/record-revision";
import { recordEditEvidence, textsOf, thresholdsOf } from "@/lib/provenance/record-evidence";
import { recordReviewEarning, recordRoundOutcome } from "@/lib/earnings/record-round-outcome";
import { decideReviewCheck } from "@/lib/reviews/decide-review-check";
import { applyReviewPolicy, countApprovals } from "@/lib/reviews/review-policy";
import { decideInputSchema, type DecisionResult } from "@/lib/reviews/schemas";
import { scoreColumns } from "@/lib/reviews/score-columns";

export async function decideReview(
  viewer: Viewer,
  itemId: string,
  input: z.input<typeof decideInputSchema>,
): Promise<DecisionResult> {
  assertRole(viewer, "reviewer");
  const parsed = decideInputSchema.parse(input);
  const { version, decision, scores, comment, citedClauses, edits, languageJustification, piiDeclaredFictional, evidence } = parsed;
  return db().$transaction(async (tx) => {
    // A gold item or blind second review the reviewer holds is decided apart, without touching the item.
    const check = await tx.reviewCheck.findFirst({
      where: { itemId, reviewerId: viewer.id, decidedAt: null, leaseExpiresAt: { gt: currentTime() } },
      select: { id: true },
    });
    if (check) return decideReviewCheck(tx, viewer, check.id, parsed);
    // Row lock: a decision and a lease expiry/claim on the same item are serialised.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM items WHERE id = ${itemId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound("Item");
    const item = await tx.item.findUniqueOrThrow({ where: { id: itemId }, include: { ...ITEM_VIEW_INCLUDE, campaign: true, reviewLease: true } });
    assertNotOwnWork(viewer, item);
    assertQualifiedFor(viewer, item.language);
    if (item.status !== "submitted") {
      throw new AppError("conflict", `The item is ${item.status}; there is nothing to review.`, { details: { status: item.status } });
    }
    const lease = item.reviewLease;
    if (lease?.reviewerId !== viewer.id || lease.expiresAt <= currentTime()) {
      throw new AppError("conflict", "You do not hold a valid lease on this item: claim it again.", {
        details: { reason: "no_lease" },
      });
    }
    if (item.version !== version) throw staleVersion(toItemView(item), item.version);

    let revision: { id: string; number: number } = await tx.itemRevision.findFirstOrThrow({
      where: { itemId },
      orderBy: { number: "desc" },
      select: { id: true, number: true },
    });
    const edited =
      edits &&
      ((edits.instruction !== undefined && edits.instruction !== item.instruction) ||
        (edits.context !== undefined && (edits.context || null) !== item.context) ||
        (edits.response !== undefined && edits.response !== item.response));
    if (edited) {
      const text = {
        instruction: edits.instruction ?? item.instruction,
        context: edits.context === undefined ? item.context : edits.context || null,
        response: edits.response ?? item.response,
      };
      // The edited text passes the same checks as a submission; the author's declarations still stand, and the
      // reviewer may add their own for what the edit introduced.
      const recorded = await recordRevision(tx, { ...item, ...text, itemId }, {
        kind: "reviewer_edit",
        authorId: viewer.id,
        overrides: {
          languageJustification: languageJustification ?? item.languageJustification,
          piiDeclaredFictional: piiDeclaredFictional ?? item.piiDeclaredFictional,
        },
        refusal: "The edited text has problems that block the decision.",
        fieldPrefix: "edits",
      });
      revision = recorded;
      if (evidence) {
        // The reviewer's counters start with the lease: that is when the text they edit was handed to them.
        const leaseStart = new Date(lease.expiresAt.getTime() - env().ESCRIBA_REVIEW_LEASE_MINUTES * 60_000);
        await recordEditEvidence(tx, {
          itemId,
          userId: viewer.id,
          revisionId: recorded.id,
          input: evidence,
          before: textsOf(item),
          after: textsOf(text),
          startedAt: leaseStart,
          thresholds: thresholdsOf(item.campaign),
        });
      }
      await tx.item.update({
        where: { id: itemId },
        data: { ...text, fingerprint: recorded.fingerprint, similarityKeys: recorded.similarityKeys },
      });
    }

    const earlier = await tx.review.findMany({ where: { itemId, round: item.reviewRound }, select: { decision: true } });
    const now = currentTime();
    const review = await tx.review.create({
      data: {
        itemId,
        revisionId: revision.id,
        reviewerId: viewer.id,
        round: item.reviewRound,
        decision,
        ...scoreColumns(scores),
        comment,
        citedClauses,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordReviewEarning(tx, { id: review.id, reviewerId: viewer.id, itemId, campaignId: item.campaignId, at: now }, item.campaign);
    const outcome = applyReviewPolicy({
      approvalsRequired: item.campaign.approvalsRequired,
      earlierDecisions: earlier.map((review) => review.decision),
      decision,
    });
    await tx.item.update({
      where: { id: itemId },
      data: {
        status: outcome.status,
        version: { increment: 1 },
        ...(outcome.status === "approved" ? { approvedRevisionId: revision.id, approvedAt: now } : {}),
      },
    });
    await tx.reviewLease.delete({ where: { itemId } });
    if (outcome.status !== "submitted") {
      await recordRoundOutcome(tx, { item, campaign: item.campaign, outcome: outcome.status, at: now });
    }
    if (outcome.adjudication) {
      await tx.adjudication.create({ data: { itemId, round: item.reviewRound } });
    }
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: `review.${decision}`,
      subjectType: "item",
      subjectId: itemId,
      payload: {
        round: item.reviewRound,
        revision: revision.number,
        edited: Boolean(edited),
        from: "submitted",
        to: outcome.status,
        adjudication: outcome.adjudication,
      },
    });
    const updated = await tx.item.findUniqueOrThrow({ where: { id: itemId }, include: ITEM_VIEW_INCLUDE });
    // Approvals in this round, this decision included: what the reviewer is told (the page's own count is stale
    // by then, and refreshes at an unpredictable moment).
    const approvals = countApprovals([...earlier.map((review) => review.decision), decision]);
    return {
      item: toItemView(updated),
      adjudication: outcome.adjudication,
      approvals: { count: approvals, required: item.campaign.approvalsRequired },
    };
  });
}
