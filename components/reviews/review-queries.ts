// Server calls of the review screens: claiming the next item, deciding, releasing, and maintainers' disputes.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/api-client";
import type { ItemView } from "@/lib/items/schemas";
import type { ItemLanguage } from "@/lib/items/vocabulary";
import type { AdjudicationView } from "@/lib/reviews/adjudications";
import type { DecisionResult } from "@/lib/reviews/decide-review";
import type { ItemHistoryView } from "@/lib/reviews/schemas";

export interface DecisionInput {
  version: number;
  decision: "approve" | "request_changes" | "reject";
  scores: Record<string, number | null>;
  comment: string;
  citedClauses: string[];
  edits?: { instruction?: string; context?: string | null; response?: string };
  languageJustification?: string;
  piiDeclaredFictional?: boolean;
}

/**
 * Claims the next item (of one language or all mine; of one campaign or all) and opens it; `empty` turns true when
 * nothing waits.
 */
export function useClaimNext() {
  const router = useRouter();
  const [empty, setEmpty] = useState(false);
  const claim = useMutation({
    mutationFn: ({ language, campaignId }: { language?: ItemLanguage; campaignId?: string }) =>
      callApi<{ lease: { item: ItemView; leaseExpiresAt: string } | null }>("/api/v1/reviews/claim", {
        method: "POST",
        body: { ...(language ? { language } : {}), ...(campaignId ? { campaignId } : {}) },
      }),
    onMutate: () => setEmpty(false),
    onSuccess: ({ lease }) => {
      if (lease) router.push(`/review/items/${lease.item.id}`);
      else setEmpty(true);
    },
  });
  return { claim, empty };
}

export function useDecide(itemId: string) {
  return useMutation({
    mutationFn: (input: DecisionInput) =>
      callApi<DecisionResult>(`/api/v1/items/${itemId}/reviews`, { method: "POST", body: input }),
  });
}

export function useReturnToQueue(itemId: string) {
  return useMutation({
    mutationFn: () => callApi<{ returned: true }>(`/api/v1/items/${itemId}/return-to-queue`, { method: "POST" }),
  });
}

export const ADJUDICATIONS_KEY = ["adjudications"] as const;

export function useAdjudications() {
  return useQuery({
    queryKey: ADJUDICATIONS_KEY,
    queryFn: () => callApi<{ adjudications: AdjudicationView[] }>("/api/v1/adjudications").then((result) => result.adjudications),
  });
}

export function useItemHistory(itemId: string) {
  return useQuery({
    queryKey: ["item-history", itemId],
    queryFn: () => callApi<ItemHistoryView>(`/api/v1/items/${itemId}/history`),
  });
}

export function useResolveAdjudication(adjudicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { decision: "approve" | "reject"; comment: string }) =>
      callApi<ItemView>(`/api/v1/adjudications/${adjudicationId}/resolve`, { method: "POST", body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ADJUDICATIONS_KEY }),
  });
}
