// Starts a new item as a draft in a campaign, language and category the author may write in.
import type { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import { resolveWritingTarget } from "@/lib/items/resolve-writing-target";
import { createDraftInputSchema, type ItemView } from "@/lib/items/schemas";

export async function createDraft(viewer: Viewer, input: z.input<typeof createDraftInputSchema>): Promise<ItemView> {
  const parsed = createDraftInputSchema.parse(input);
  const item = await db().$transaction(async (tx) => {
    const { guidelineId } = await resolveWritingTarget(tx, viewer, parsed);
    const created = await tx.item.create({
      data: {
        campaignId: parsed.campaignId,
        guidelineId,
        authorId: viewer.id,
        language: parsed.language,
        category: parsed.category,
        variety: parsed.variety ?? null,
        instruction: parsed.instruction,
        context: parsed.context ?? null,
        response: parsed.response,
        sourceUrl: parsed.sourceUrl || null,
        sourceLicense: parsed.sourceLicense || null,
      },
      include: ITEM_VIEW_INCLUDE,
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "item.created",
      subjectType: "item",
      subjectId: created.id,
      payload: { language: created.language, category: created.category },
    });
    return created;
  });
  return toItemView(item);
}
