// Starts a new item as a draft in a campaign, language and category the author may write in. A full quota cell
// (approved + in-review items reaching its target) refuses the draft under hard quotas and warns under soft ones;
// drafts and submissions of existing items are never held back by quotas.
import type { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { countQuotaCell, type QuotaCellKey } from "@/lib/campaigns/count-quota-cell";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import { resolveWritingTarget } from "@/lib/items/resolve-writing-target";
import { createDraftInputSchema, type CreatedDraftView, type DraftWarning } from "@/lib/items/schemas";

/** The warnings a new draft in this cell carries; throws 409 when the cell is full under hard quotas. */
async function checkQuotaCell(tx: Prisma.TransactionClient, cell: QuotaCellKey): Promise<DraftWarning[]> {
  const quota = await tx.campaignQuota.findUnique({
    where: { campaignId_language_category: cell },
    select: { target: true, campaign: { select: { quotaMode: true } } },
  });
  if (!quota) return [];
  const filled = await countQuotaCell(tx, cell);
  if (filled < quota.target) return [];
  const full = { language: cell.language, category: cell.category, target: quota.target, filled };
  if (quota.campaign.quotaMode === "hard") {
    throw new AppError(
      "conflict",
      `The quota for ${cell.language}/${cell.category} is full (${filled} of ${quota.target}); this campaign takes no new drafts there.`,
      { details: { reason: "quota_full", ...full } },
    );
  }
  return [{ code: "quota_full", ...full }];
}

export async function createDraft(viewer: Viewer, input: z.input<typeof createDraftInputSchema>): Promise<CreatedDraftView> {
  const parsed = createDraftInputSchema.parse(input);
  const { item, warnings } = await db().$transaction(async (tx) => {
    // A shared lock on the campaign row while its settings and grid are read: quota replacement and settings changes
    // take it exclusively, so none can slip between this check and the insert, while drafts of others still proceed.
    await tx.$queryRaw`SELECT 1 FROM campaigns WHERE id = ${parsed.campaignId}::uuid FOR SHARE`;
    const { guidelineId } = await resolveWritingTarget(tx, viewer, parsed);
    const cellWarnings = await checkQuotaCell(tx, { campaignId: parsed.campaignId, language: parsed.language, category: parsed.category });
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
      payload: { language: created.language, category: created.category, ...(cellWarnings.length > 0 ? { warnings: cellWarnings.map((warning) => warning.code) } : {}) },
    });
    return { item: created, warnings: cellWarnings };
  });
  return { ...toItemView(item), warnings };
}
