// Maintainers retract an approved item (wrong licence, personal data found late, a complaint): it leaves the next
// release and its changelog lists it as retracted. Releases already published keep it; they are immutable.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { retractItemInputSchema } from "@/lib/items/schemas";

export async function retractItem(
  actor: Viewer,
  itemId: string,
  input: z.input<typeof retractItemInputSchema>,
): Promise<{ id: string; status: "retracted"; retractedAt: string }> {
  assertRole(actor, "maintainer");
  const { reason } = retractItemInputSchema.parse(input);
  return db().$transaction(async (tx) => {
    const item = await tx.item.findUnique({ where: { id: itemId }, select: { status: true } });
    if (!item) throw notFound("Item");
    if (item.status !== "approved") {
      throw new AppError("conflict", `Only approved items can be retracted; this one is ${item.status}.`, {
        details: { status: item.status },
      });
    }
    const retractedAt = currentTime();
    const updated = await tx.item.updateMany({
      where: { id: itemId, status: "approved" },
      data: { status: "retracted", retractedAt, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("conflict", "The item changed meanwhile; reload it.");
    await recordAuditEvent(tx, { actorId: actor.id, action: "item.retracted", subjectType: "item", subjectId: itemId, payload: { reason } });
    return { id: itemId, status: "retracted" as const, retractedAt: retractedAt.toISOString() };
  });
}
