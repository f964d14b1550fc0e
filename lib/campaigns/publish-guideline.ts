// Publishes a new guideline version for one language of a campaign; earlier versions stay as they were, so each
// item keeps pointing at the text it was written under.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { toGuidelineView } from "@/lib/campaigns/campaign-view";
import { publishGuidelineInputSchema, type GuidelineView } from "@/lib/campaigns/schemas";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

export async function publishGuideline(
  actor: Viewer,
  campaignId: string,
  input: z.input<typeof publishGuidelineInputSchema>,
): Promise<GuidelineView> {
  assertRole(actor, "maintainer");
  const { language, body } = publishGuidelineInputSchema.parse(input);
  const guideline = await db().$transaction(async (tx) => {
    // Lock the campaign row so two maintainers publishing at once get versions n+1 and n+2, not a clash.
    const campaigns = await tx.$queryRaw<{ languages: string[] }[]>`
      SELECT languages::text[] AS languages FROM campaigns WHERE id = ${campaignId}::uuid FOR UPDATE`;
    const campaign = campaigns[0];
    if (!campaign) throw notFound("Campaign");
    if (!campaign.languages.includes(language)) {
      throw new AppError("validation_failed", "The campaign does not collect this language.", {
        fields: [{ field: "language", message: "not one of the campaign's languages" }],
      });
    }
    const latest = await tx.guideline.aggregate({ where: { campaignId, language }, _max: { version: true } });
    const created = await tx.guideline.create({
      data: { campaignId, language, version: (latest._max.version ?? 0) + 1, body, createdById: actor.id },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "guideline.published",
      subjectType: "campaign",
      subjectId: campaignId,
      payload: { language, version: created.version },
    });
    return created;
  });
  return toGuidelineView(guideline);
}
