// Maintainers set up a campaign: languages, categories, approvals required, rates, quotas and their mode. It starts
// as a draft; it can open for writing (`active`) only once every language has a published guideline, so creating it
// active is refused with the languages that lack one.
import { thresholdColumns } from "@/lib/provenance/evidence-thresholds";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertGuidelinesPublished } from "@/lib/campaigns/assert-guidelines-published";
import { CAMPAIGN_VIEW_INCLUDE, toCampaignView } from "@/lib/campaigns/campaign-view";
import { createCampaignInputSchema, type CampaignView } from "@/lib/campaigns/schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { z } from "zod";

export async function createCampaign(
  actor: Viewer,
  input: z.input<typeof createCampaignInputSchema>,
): Promise<CampaignView> {
  assertRole(actor, "maintainer");
  const parsed = createCampaignInputSchema.parse(input);
  const existing = await db().campaign.findUnique({ where: { slug: parsed.slug }, select: { id: true } });
  if (existing) {
    throw new AppError("conflict", "A campaign with this slug exists.", { fields: [{ field: "slug", message: "already used" }] });
  }
  const campaign = await db().$transaction(async (tx) => {
    if (parsed.status === "active") await assertGuidelinesPublished(tx, null, parsed.languages);
    const created = await tx.campaign.create({
      data: {
        slug: parsed.slug,
        name: parsed.name,
        description: parsed.description,
        status: parsed.status,
        languages: parsed.languages,
        categories: parsed.categories,
        approvalsRequired: parsed.approvalsRequired,
        ratePerApprovedItem: parsed.ratePerApprovedItem,
        ratePerReview: parsed.ratePerReview,
        quotaMode: parsed.quotaMode,
        goldRate: parsed.goldRate,
        secondReviewRate: parsed.secondReviewRate,
        ...thresholdColumns(parsed.evidenceThresholds),
        currency: parsed.currency,
        createdById: actor.id,
        quotas: { create: parsed.quotas },
      },
      include: CAMPAIGN_VIEW_INCLUDE,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "campaign.created",
      subjectType: "campaign",
      subjectId: created.id,
      payload: { slug: created.slug, languages: created.languages, approvalsRequired: created.approvalsRequired },
    });
    return created;
  });
  return toCampaignView(campaign);
}
