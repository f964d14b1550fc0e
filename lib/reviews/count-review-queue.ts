// How many submitted items wait in each of a reviewer's languages (excluding their own, which they never review),
// in every campaign or in one.
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { ITEM_LANGUAGES, type ItemLanguage } from "@/lib/vocabulary";

export async function countReviewQueue(
  viewer: Viewer,
  filter: { campaignId?: string } = {},
): Promise<{ language: ItemLanguage; waiting: number }[]> {
  assertRole(viewer, "reviewer");
  const languages = viewer.role === "maintainer" ? [...ITEM_LANGUAGES] : viewer.languages;
  const groups = await db().item.groupBy({
    by: ["language"],
    where: {
      status: "submitted",
      language: { in: languages },
      authorId: { not: viewer.id },
      ...(filter.campaignId && isUuid(filter.campaignId) ? { campaignId: filter.campaignId } : {}),
    },
    _count: { _all: true },
  });
  return languages.map((language) => ({
    language,
    waiting: groups.find((group) => group.language === language)?._count._all ?? 0,
  }));
}
