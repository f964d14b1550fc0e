// Maintainers change a campaign's settings after creating it. What may change, and what may not once work exists:
// - name, description, approvals required, quota mode: any time (approvals apply to review decisions made afterwards).
// - rates per approved item and per review: any time, but only approvals and reviews made afterwards are paid at the
//   new rate; the earnings ledger keeps the rate of the moment each line was earned.
// - languages and categories: added any time; one that already has items (in any state) cannot be removed (409 naming
//   `languages` or `categories`), since those items would belong to nothing the campaign collects. Removing one
//   without items also drops its quota cells.
// - currency: fixed once the campaign has earnings (409 naming `currency`), so one campaign never pays in two.
// - status: `active` (open for writing) needs a published guideline in every language of the campaign (409 naming
//   `status`, checked when the campaign opens or gains a language while open).
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertGuidelinesPublished } from "@/lib/campaigns/assert-guidelines-published";
import { CAMPAIGN_VIEW_INCLUDE, toCampaignView } from "@/lib/campaigns/campaign-view";
import { updateCampaignInputSchema, type CampaignView } from "@/lib/campaigns/schemas";
import { db } from "@/lib/db";
import { thresholdColumns } from "@/lib/provenance/evidence-thresholds";
import { AppError, notFound } from "@/lib/errors";
import type { z } from "zod";

/** Refuses removing languages or categories that already have items. */
function assertNotInUse(field: "languages" | "categories", inUse: string[]): void {
  if (inUse.length === 0) return;
  throw new AppError("conflict", `The campaign has items in ${inUse.join(", ")}; these ${field} cannot be removed.`, {
    fields: [{ field, message: `${inUse.join(", ")} already has items and cannot be removed` }],
    details: { reason: `${field}_in_use`, [field]: inUse },
  });
}

export async function updateCampaign(
  actor: Viewer,
  campaignId: string,
  input: z.input<typeof updateCampaignInputSchema>,
): Promise<CampaignView> {
  assertRole(actor, "maintainer");
  const changes = updateCampaignInputSchema.parse(input);
  const campaign = await db().$transaction(async (tx) => {
    // Exclusive lock: new drafts (create-draft.ts) and quota changes wait for this, and it waits for them.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM campaigns WHERE id = ${campaignId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound("Campaign");
    const current = await tx.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    const languages = changes.languages ?? current.languages;
    const categories = changes.categories ?? current.categories;
    const removedLanguages = current.languages.filter((language) => !languages.includes(language));
    const removedCategories = current.categories.filter((category) => !categories.includes(category));
    const languagesInUse = removedLanguages.length
      ? await tx.item.findMany({ where: { campaignId, language: { in: removedLanguages } }, distinct: ["language"], select: { language: true } })
      : [];
    assertNotInUse("languages", languagesInUse.map((row) => row.language));
    const categoriesInUse = removedCategories.length
      ? await tx.item.findMany({ where: { campaignId, category: { in: removedCategories } }, distinct: ["category"], select: { category: true } })
      : [];
    assertNotInUse("categories", categoriesInUse.map((row) => row.category));
    if (changes.currency && changes.currency !== current.currency && (await tx.earning.count({ where: { campaignId } })) > 0) {
      throw new AppError("conflict", `The campaign has paid work in ${current.currency}; its currency cannot change.`, {
        fields: [{ field: "currency", message: `earnings in ${current.currency} exist` }],
        details: { reason: "currency_in_use", currency: current.currency },
      });
    }
    const status = changes.status ?? current.status;
    const opens = status === "active" && current.status !== "active";
    const gainsLanguage = languages.some((language) => !current.languages.includes(language));
    if (status === "active" && (opens || gainsLanguage)) await assertGuidelinesPublished(tx, campaignId, languages);
    if (removedLanguages.length > 0 || removedCategories.length > 0) {
      await tx.campaignQuota.deleteMany({
        where: { campaignId, OR: [{ language: { in: removedLanguages } }, { category: { in: removedCategories } }] },
      });
    }
    const { evidenceThresholds, ...settings } = changes;
    const data = { ...settings, ...(evidenceThresholds ? thresholdColumns(evidenceThresholds) : {}) };
    const updated = await tx.campaign.update({ where: { id: campaignId }, data, include: CAMPAIGN_VIEW_INCLUDE });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "campaign.updated",
      subjectType: "campaign",
      subjectId: campaignId,
      payload: changes,
    });
    return updated;
  });
  return toCampaignView(campaign);
}
