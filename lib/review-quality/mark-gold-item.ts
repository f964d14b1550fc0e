// Maintainers mark an approved item as gold, with the decision (and optionally the rubric range) expected of a careful
// reviewer and why; marking again replaces the expectation. Unmarking stops the queue handing it out; the answers
// already given stay in the figures.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { markGoldInputSchema, type GoldItemView } from "@/lib/review-quality/schemas";

export async function markGoldItem(actor: Viewer, itemId: string, input: z.input<typeof markGoldInputSchema>): Promise<GoldItemView> {
  assertRole(actor, "maintainer");
  const expectation = markGoldInputSchema.parse(input);
  await db().$transaction(async (tx) => {
    const item = await tx.item.findUnique({ where: { id: itemId }, select: { status: true } });
    if (!item) throw notFound("Item");
    if (item.status !== "approved") {
      throw new AppError("conflict", `Only approved items can be gold; this one is ${item.status}.`, { details: { status: item.status } });
    }
    const markedAt = currentTime();
    await tx.goldItem.upsert({
      where: { itemId },
      create: { itemId, ...expectation, markedById: actor.id, markedAt },
      update: { ...expectation, markedById: actor.id, markedAt },
    });
    await recordAuditEvent(tx, { actorId: actor.id, action: "item.gold_marked", subjectType: "item", subjectId: itemId, payload: expectation });
  });
  return (await getGoldItem(actor, itemId))!;
}

export async function unmarkGoldItem(actor: Viewer, itemId: string): Promise<{ itemId: string; gold: false }> {
  assertRole(actor, "maintainer");
  await db().$transaction(async (tx) => {
    const removed = await tx.goldItem.deleteMany({ where: { itemId } });
    if (removed.count === 0) throw notFound("Gold item");
    // Leases on it that are still undecided end with it.
    await tx.reviewCheck.deleteMany({ where: { itemId, kind: "gold", decidedAt: null } });
    await recordAuditEvent(tx, { actorId: actor.id, action: "item.gold_unmarked", subjectType: "item", subjectId: itemId, payload: {} });
  });
  return { itemId, gold: false };
}

/** The item's gold expectation with how reviewers have fared on it, or null when it is not gold. Maintainers only. */
export async function getGoldItem(viewer: Viewer, itemId: string): Promise<GoldItemView | null> {
  assertRole(viewer, "maintainer");
  if (!isUuid(itemId)) throw notFound("Item");
  const gold = await db().goldItem.findUnique({ where: { itemId } });
  if (!gold) return null;
  const answers = await db().reviewCheck.groupBy({
    by: ["matched"],
    where: { itemId, kind: "gold", decidedAt: { not: null } },
    _count: { _all: true },
  });
  return {
    itemId,
    expectedDecision: gold.expectedDecision,
    expectedScoreMin: gold.expectedScoreMin,
    expectedScoreMax: gold.expectedScoreMax,
    explanation: gold.explanation,
    markedAt: gold.markedAt.toISOString(),
    answered: answers.reduce((sum, group) => sum + group._count._all, 0),
    matched: answers.find((group) => group.matched === true)?._count._all ?? 0,
  };
}
