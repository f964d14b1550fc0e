// How a stored campaign is shown: with its quotas and the latest guideline version per language.
import type { Campaign, CampaignQuota, Guideline } from "@/lib/generated/prisma/client";
import { thresholdsOf } from "@/lib/provenance/evidence-thresholds";
import type { CampaignView, GuidelineView, QuotaCell } from "@/lib/campaigns/schemas";
import { ITEM_CATEGORIES, ITEM_LANGUAGES } from "@/lib/vocabulary";

export const CAMPAIGN_VIEW_INCLUDE = {
  quotas: true,
  guidelines: { select: { language: true, version: true } },
} as const;

export function toCampaignView(
  campaign: Campaign & { quotas: CampaignQuota[]; guidelines: Pick<Guideline, "language" | "version">[] },
): CampaignView {
  const latest = new Map<string, number>();
  for (const guideline of campaign.guidelines) {
    latest.set(guideline.language, Math.max(latest.get(guideline.language) ?? 0, guideline.version));
  }
  return {
    id: campaign.id,
    slug: campaign.slug,
    name: campaign.name,
    description: campaign.description,
    status: campaign.status,
    languages: campaign.languages,
    categories: campaign.categories,
    approvalsRequired: campaign.approvalsRequired,
    ratePerApprovedItem: campaign.ratePerApprovedItem.toFixed(2),
    ratePerReview: campaign.ratePerReview?.toFixed(2) ?? null,
    currency: campaign.currency,
    quotaMode: campaign.quotaMode,
    goldRate: campaign.goldRate,
    secondReviewRate: campaign.secondReviewRate,
    evidenceThresholds: thresholdsOf(campaign),
    quotas: toQuotaCells(campaign.quotas),
    guidelineVersions: campaign.languages.flatMap((language) =>
      latest.has(language) ? [{ language, version: latest.get(language)! }] : [],
    ),
    createdAt: campaign.createdAt.toISOString(),
  };
}

/** Quota cells in the order of the vocabulary (languages, then categories), so a grid reads the same every time. */
export function toQuotaCells(quotas: Pick<CampaignQuota, "language" | "category" | "target">[]): QuotaCell[] {
  const rank = (list: readonly string[], value: string) => list.indexOf(value);
  return quotas
    .map(({ language, category, target }) => ({ language, category, target }))
    .sort(
      (a, b) =>
        rank(ITEM_LANGUAGES, a.language) - rank(ITEM_LANGUAGES, b.language) ||
        rank(ITEM_CATEGORIES, a.category) - rank(ITEM_CATEGORIES, b.category),
    );
}

export function toGuidelineView(guideline: Guideline): GuidelineView {
  return {
    id: guideline.id,
    campaignId: guideline.campaignId,
    language: guideline.language,
    version: guideline.version,
    body: guideline.body,
    createdAt: guideline.createdAt.toISOString(),
  };
}
