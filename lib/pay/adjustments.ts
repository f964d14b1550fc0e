// Maintainers add adjustment lines (corrections, positive or negative, with a reason) to a person's pay in an open
// period; they appear on that person's statement when the period closes. A closed period takes none: corrections
// after closing go to the next open period.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { createAdjustmentInputSchema, type AdjustmentView } from "./schemas";

const ADJUSTMENT_VIEW_INCLUDE = {
  user: { select: { name: true, email: true } },
  createdBy: { select: { name: true } },
} as const;

function toAdjustmentView(adjustment: {
  id: string;
  periodId: string;
  userId: string;
  amount: { toFixed(digits: number): string };
  currency: string;
  reason: string;
  createdAt: Date;
  user: { name: string; email: string };
  createdBy: { name: string };
}): AdjustmentView {
  return {
    id: adjustment.id,
    periodId: adjustment.periodId,
    userId: adjustment.userId,
    personName: adjustment.user.name,
    personEmail: adjustment.user.email,
    amount: adjustment.amount.toFixed(2),
    currency: adjustment.currency,
    reason: adjustment.reason,
    addedBy: adjustment.createdBy.name,
    createdAt: adjustment.createdAt.toISOString(),
  };
}

export async function createAdjustment(actor: Viewer, input: z.input<typeof createAdjustmentInputSchema>): Promise<AdjustmentView> {
  assertRole(actor, "maintainer");
  const parsed = createAdjustmentInputSchema.parse(input);
  return db().$transaction(async (tx) => {
    // Waits for a closing in progress, which holds the period's row, and then sees it closed.
    await tx.$queryRaw`SELECT id FROM pay_periods WHERE id = ${parsed.periodId}::uuid FOR SHARE`;
    const period = await tx.payPeriod.findUnique({ where: { id: parsed.periodId }, select: { label: true, status: true } });
    if (!period) {
      throw new AppError("validation_failed", "No such pay period.", { fields: [{ field: "periodId", message: "no such pay period" }] });
    }
    if (period.status === "closed") {
      throw new AppError("conflict", `Pay period ${period.label} is closed; add the correction to the next open period.`, {
        fields: [{ field: "periodId", message: `pay period ${period.label} is closed` }],
        details: { period: period.label },
      });
    }
    const person = await tx.user.findUnique({ where: { id: parsed.userId }, select: { id: true } });
    if (!person) throw new AppError("validation_failed", "No such person.", { fields: [{ field: "userId", message: "no such person" }] });
    const created = await tx.adjustment.create({
      data: { ...parsed, createdById: actor.id },
      include: ADJUSTMENT_VIEW_INCLUDE,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "adjustment.created",
      subjectType: "adjustment",
      subjectId: created.id,
      payload: { period: period.label, userId: parsed.userId, amount: parsed.amount, currency: parsed.currency, reason: parsed.reason },
    });
    return toAdjustmentView(created);
  });
}

export async function listAdjustments(viewer: Viewer, periodId: string): Promise<AdjustmentView[]> {
  assertRole(viewer, "maintainer");
  const period = await db().payPeriod.findUnique({ where: { id: periodId }, select: { id: true } });
  if (!period) throw notFound("Pay period");
  const adjustments = await db().adjustment.findMany({
    where: { periodId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: ADJUSTMENT_VIEW_INCLUDE,
  });
  return adjustments.map(toAdjustmentView);
}
