// Reads a guideline: a given version, or the latest one of a campaign's language.
import type { Viewer } from "@/lib/auth/viewer";
import { isQualifiedFor } from "@/lib/auth/permissions";
import { toGuidelineView } from "@/lib/campaigns/campaign-view";
import type { GuidelineView } from "@/lib/campaigns/schemas";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ItemLanguage } from "@/lib/vocabulary";

export async function getGuideline(
  viewer: Viewer,
  campaignId: string,
  language: ItemLanguage,
  version?: number,
): Promise<GuidelineView> {
  // Guidelines are not secret, but only people working in that language have a use for them.
  if (!isQualifiedFor(viewer, language)) throw notFound("Guideline");
  const guideline = await db().guideline.findFirst({
    where: { campaignId, language, ...(version ? { version } : {}) },
    orderBy: { version: "desc" },
  });
  if (!guideline) throw notFound("Guideline");
  return toGuidelineView(guideline);
}
