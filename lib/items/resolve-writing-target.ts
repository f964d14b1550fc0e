// Checks that a language and category may be written in a campaign by this person, and finds the guideline
// version the item will be written under (the latest one of that language).
import { assertQualifiedFor } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { Campaign, Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/errors";
import { ITEM_VARIETIES, type ItemCategory, type ItemLanguage } from "@/lib/vocabulary";

export async function resolveWritingTarget(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  target: { campaignId: string; language: ItemLanguage; category: ItemCategory; variety?: string | null },
): Promise<{ guidelineId: string | null }> {
  assertQualifiedFor(viewer, target.language);
  const campaign = await tx.campaign.findUnique({ where: { id: target.campaignId } });
  if (!campaign || (campaign.status !== "active" && viewer.role !== "maintainer")) throw notFound("Campaign");
  assertCampaignTakes(campaign, target);
  const guideline = await tx.guideline.findFirst({
    where: { campaignId: campaign.id, language: target.language },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  return { guidelineId: guideline?.id ?? null };
}

/** The campaign collects this language, category and variety (import checks a whole batch against one campaign). */
export function assertCampaignTakes(
  campaign: Pick<Campaign, "languages" | "categories">,
  target: { language: ItemLanguage; category: ItemCategory; variety?: string | null },
): void {
  if (!campaign.languages.includes(target.language)) {
    throw new AppError("validation_failed", "This campaign does not collect that language.", {
      fields: [{ field: "language", message: "not one of the campaign's languages" }],
    });
  }
  if (!campaign.categories.includes(target.category)) {
    throw new AppError("validation_failed", "This campaign does not collect that category.", {
      fields: [{ field: "category", message: "not one of the campaign's categories" }],
    });
  }
  if (target.variety && !ITEM_VARIETIES[target.language].includes(target.variety)) {
    throw new AppError("validation_failed", "Unknown variety for this language.", {
      fields: [{ field: "variety", message: `one of ${ITEM_VARIETIES[target.language].join(", ")}` }],
    });
  }
}
