"use client";
// The guideline an item is written under. It follows the item: changing the category can move the draft to a
// newer guideline version, which is then fetched; the one the page was rendered with needs no request.
import { useQuery } from "@tanstack/react-query";
import { callOperation } from "@/components/api-client";
import { getGuideline } from "@/lib/http/operations/campaigns";
import type { GuidelineView } from "@/lib/campaigns/schemas";
import type { ItemView } from "@/lib/items/schemas";

export function useItemGuideline(item: Pick<ItemView, "campaignId" | "language" | "guidelineVersion">, initial: GuidelineView | null) {
  const version = item.guidelineVersion;
  const isInitial = initial !== null && initial.version === version && initial.language === item.language;
  return useQuery({
    queryKey: ["guideline", item.campaignId, item.language, version],
    queryFn: () =>
      callOperation(getGuideline, {
        params: { campaignId: item.campaignId, language: item.language },
        query: version ? { version } : {},
      }).catch(() => null),
    initialData: isInitial ? initial : undefined,
    staleTime: Infinity,
  }).data;
}
