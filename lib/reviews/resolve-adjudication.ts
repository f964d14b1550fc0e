// A maintainer settles a dispute for good: the item is approved (at its latest revision) or rejected. Nobody settles
// a dispute over an item they wrote.
import type { z } from "zod";
import { assertNotOwnWork, assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
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
    const item = await tx.item.findUniqueOrThrow({ where: { id: adjudication.itemId }, include: ITEM_VIEW_INCLUDE });
    return toItemView(item);
  });
}
