// Deletes a draft that was never submitted; anything a reviewer has seen stays, for the record.
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { staleVersion } from "@/lib/items/item-access";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";

export async function deleteDraft(viewer: Viewer, itemId: string, version: number): Promise<{ id: string; deleted: true }> {
  await db().$transaction(async (tx) => {
    const current = await tx.item.findUnique({ where: { id: itemId }, include: ITEM_VIEW_INCLUDE });
    if (!current || current.authorId !== viewer.id) throw notFound("Item");
    if (current.status !== "draft" || current.reviewRound > 0) {
      throw new AppError("conflict", "Only drafts that were never submitted can be deleted.", {
        details: { status: current.status },
      });
    }
    if (current.version !== version) throw staleVersion(toItemView(current), current.version);
    const deleted = await tx.item.deleteMany({ where: { id: itemId, version } });
    if (deleted.count === 0) throw staleVersion(toItemView(current), current.version);
    await recordAuditEvent(tx, { actorId: viewer.id, action: "item.deleted", subjectType: "item", subjectId: itemId });
  });
  return { id: itemId, deleted: true };
}
