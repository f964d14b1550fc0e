// A maintainer settles a dispute for good: the item is approved (at its latest revision) or rejected. Nobody settles
// a dispute over an item they wrote.
import type { z } from "zod";
import { assertNotOwnWork, assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordRoundOutcome } from "@/lib/earnings/record-round-outcome";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import type { ItemView } from "@/lib/items/schemas";
import { resolveAdjudicationInputSchema } from "@/lib/reviews/schemas";

export async function resolveAdjudication(
  viewer: Viewer,
  adjudicationId: string,
  input: z.input<typeof resolveAdjudicationInputSchema>,
): Promise<ItemView> {
  assertRole(viewer, "maintainer");
  const { decision, comment } = resolveAdjudicationInputSchema.parse(input);
  return db().$transaction(async (tx) => {
    const adjudication = await tx.adjudication.findUnique({
      where: { id: adjudicationId },
      include: { item: { select: { id: true, authorId: true, campaignId: true, campaign: true } } },
    });
    if (!adjudication) throw notFound("Adjudication");
    assertNotOwnWork(viewer, adjudication.item);
    const resolved = await tx.adjudication.updateMany({
      where: { id: adjudicationId, status: "open" },
      data: { status: "resolved", decision, comment, resolvedById: viewer.id, resolvedAt: currentTime() },
    });
    if (resolved.count === 0) throw new AppError("conflict", "This dispute was already resolved.");
    if (adjudication.reviewCheckId) {
      await settleSecondReviewDispute(tx, viewer, adjudication, decision, comment);
    } else {
      const latest = await tx.itemRevision.findFirstOrThrow({ where: { itemId: adjudication.itemId }, orderBy: { number: "desc" } });
      const now = currentTime();
      const outcome = decision === "approve" ? "approved" : "rejected";
      await tx.item.update({
        where: { id: adjudication.itemId },
        data: {
          status: outcome,
          version: { increment: 1 },
          ...(outcome === "approved" ? { approvedRevisionId: latest.id, approvedAt: now } : {}),
        },
      });
      const { campaign, ...disputed } = adjudication.item;
      await recordRoundOutcome(tx, { item: { ...disputed, reviewRound: adjudication.round }, campaign, outcome, at: now });
      await recordAuditEvent(tx, {
        actorId: viewer.id,
        action: `adjudication.${decision}`,
        subjectType: "item",
        subjectId: adjudication.itemId,
        payload: { adjudicationId, round: adjudication.round, comment },
      });
    }
    const item = await tx.item.findUniqueOrThrow({ where: { id: adjudication.itemId }, include: ITEM_VIEW_INCLUDE });
    return toItemView(item);
  });
}

/**
 * A blind second review disputed an approved item. Upholding the approval changes nothing; siding with the second
 * reviewer retracts the item, as a maintainer's retraction does: it leaves every release built from then on (published
 * ones are immutable), and the author's earning for it stands, as for any retraction.
 */
async function settleSecondReviewDispute(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  adjudication: { id: string; itemId: string; round: number },
  decision: "approve" | "reject",
  comment: string,
): Promise<void> {
  if (decision === "approve") {
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "adjudication.approve",
      subjectType: "item",
      subjectId: adjudication.itemId,
      payload: { adjudicationId: adjudication.id, round: adjudication.round, comment, secondReview: true },
    });
    return;
  }
  const retracted = await tx.item.updateMany({
    where: { id: adjudication.itemId, status: "approved" },
    data: { status: "retracted", retractedAt: currentTime(), version: { increment: 1 } },
  });
  if (retracted.count === 0) throw new AppError("conflict", "The item is no longer approved; reload it.");
  await recordAuditEvent(tx, {
    actorId: viewer.id,
    action: "item.retracted",
    subjectType: "item",
    subjectId: adjudication.itemId,
    payload: { reason: comment || "A blind second review disagreed and a maintainer upheld it.", adjudicationId: adjudication.id, secondReview: true },
  });
}
