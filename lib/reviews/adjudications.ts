// Disputed items (one reviewer approved, another rejected) wait for a maintainer, who decides for good.
import { z } from "zod";
import { textSchema } from "@/lib/input-schemas";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import { itemSchema, type ItemView } from "@/lib/items/schemas";

export const resolveAdjudicationInputSchema = z
  .object({ decision: z.enum(["approve", "reject"]), comment: textSchema().trim().max(5000).default("") })
  .strict()
  .meta({ id: "ResolveAdjudicationInput" });

export const adjudicationSchema = z
  .object({ id: z.uuid(), round: z.number().int(), status: z.enum(["open", "resolved"]), createdAt: z.iso.datetime(), item: itemSchema })
  .meta({ id: "Adjudication" });
export type AdjudicationView = z.infer<typeof adjudicationSchema>;

export async function listOpenAdjudications(viewer: Viewer): Promise<AdjudicationView[]> {
  assertRole(viewer, "maintainer");
  const open = await db().adjudication.findMany({
    where: { status: "open" },
    orderBy: { createdAt: "asc" },
    include: { item: { include: ITEM_VIEW_INCLUDE } },
  });
  return open.map((entry) => ({
    id: entry.id,
    round: entry.round,
    status: entry.status,
    createdAt: entry.createdAt.toISOString(),
    item: toItemView(entry.item),
  }));
}

export async function resolveAdjudication(
  viewer: Viewer,
  adjudicationId: string,
  input: z.input<typeof resolveAdjudicationInputSchema>,
): Promise<ItemView> {
  assertRole(viewer, "maintainer");
  const { decision, comment } = resolveAdjudicationInputSchema.parse(input);
  return db().$transaction(async (tx) => {
    const adjudication = await tx.adjudication.findUnique({ where: { id: adjudicationId } });
    if (!adjudication) throw notFound("Adjudication");
    const resolved = await tx.adjudication.updateMany({
      where: { id: adjudicationId, status: "open" },
      data: { status: "resolved", decision, comment, resolvedById: viewer.id, resolvedAt: new Date() },
    });
    if (resolved.count === 0) throw new AppError("conflict", "This dispute was already resolved.");
    const latest = await tx.itemRevision.findFirstOrThrow({ where: { itemId: adjudication.itemId }, orderBy: { number: "desc" } });
    await tx.item.update({
      where: { id: adjudication.itemId },
      data: {
        status: decision === "approve" ? "approved" : "rejected",
        version: { increment: 1 },
        ...(decision === "approve" ? { approvedRevisionId: latest.id, approvedAt: new Date() } : {}),
      },
    });
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
