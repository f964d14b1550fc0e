// Server calls of the review screens: claiming the next item, deciding, returning it to the queue, and maintainers'
// disputes. Typed by the operations the server is built from.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { callOperation, type OperationInput } from "@/components/api-client";
import * as reviews from "@/lib/http/operations/reviews";
import type { ItemLanguage } from "@/lib/vocabulary";
import type { decideInputSchema, RubricCriterion } from "@/lib/reviews/schemas";

/** What the decision form sends: criteria not scored yet go as null, so the server names each one in its 422. */
export type DecisionInput = Omit<z.input<typeof decideInputSchema>, "scores"> & { scores: Record<RubricCriterion, number | null> };

/**
 * Claims the next item (of one language or all mine; of one campaign or all) and opens it; `empty` turns true when
 * nothing waits.
 */
export function useClaimNext() {
  const router = useRouter();
  const [empty, setEmpty] = useState(false);
  const claim = useMutation({
    mutationFn: ({ language, campaignId }: { language?: ItemLanguage; campaignId?: string }) =>
      callOperation(reviews.claimNextItem, { body: { ...(language ? { language } : {}), ...(campaignId ? { campaignId } : {}) } }),
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
      callOperation(reviews.decideReview, {
        params: { itemId },
        // Unscored criteria travel as null on purpose (see DecisionInput); the server refuses them by name.
        body: input as OperationInput<typeof reviews.decideReview>["body"],
      }),
  });
}

export function useReturnToQueue(itemId: string) {
  return useMutation({ mutationFn: () => callOperation(reviews.returnToQueue, { params: { itemId } }) });
}

export const ADJUDICATIONS_KEY = ["adjudications"] as const;

export function useAdjudications() {
  return useQuery({
    queryKey: ADJUDICATIONS_KEY,
    queryFn: () => callOperation(reviews.listAdjudications).then((result) => result.adjudications),
  });
}

export function useItemHistory(itemId: string) {
  return useQuery({
    queryKey: ["item-history", itemId],
    queryFn: () => callOperation(reviews.getItemHistory, { params: { itemId } }),
  });
}

export function useResolveAdjudication(adjudicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: "approve" | "reject"; comment: string }) =>
      callOperation(reviews.resolveAdjudication, { params: { adjudicationId }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ADJUDICATIONS_KEY }),
  });
}
