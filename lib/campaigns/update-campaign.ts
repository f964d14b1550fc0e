// Maintainers rename, describe, open or close a campaign. Its rules (languages, approvals, rate) stay fixed once
// work exists, so that earnings and review policy never change under people's feet.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { CAMPAIGN_VIEW_INCLUDE, toCampaignView } from "@/lib/campaigns/campaign-view";
import { updateCampaignInputSchema, type CampaignView } from "@/lib/campaigns/schemas";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

export async function updateCampaign(
  actor: Viewer,
  campaignId: string,
  input: z.input<typeof updateCampaignInputSchema>,
): Promise<CampaignView> {
  assertRole(actor, "maintainer");
  const changes = updateCampaignInputSchema.parse(input);
  const campaign = await db().$transaction(async (tx) => {
    const exists = await tx.campaign.findUnique({ where: { id: campaignId }, select: { id: true } });
    if (!exists) throw notFound("Campaign");
    const updated = await tx.campaign.update({ where: { id: campaignId }, data: changes, include: CAMPAIGN_VIEW_INCLUDE });
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
