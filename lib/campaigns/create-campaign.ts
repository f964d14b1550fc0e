// Maintainers open a campaign: languages, categories, approvals required, rate per approved item and quotas.
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
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
