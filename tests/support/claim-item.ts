// Claims one particular item the way a reviewer who keeps to one campaign does: from the queue of the item's own
// campaign and language. Every test makes its campaigns for itself, so the item it waits for is the one handed out,
// whatever other tests (or other workers) leave in the shared queue, and nothing is reordered behind the product's back.
import type { Viewer } from "@/lib/auth/viewer";
import { claimNextItem } from "@/lib/reviews/claim-next-item";
import type { Lease } from "@/lib/reviews/schemas";
import type { ItemLanguage } from "@/lib/vocabulary";

export async function claimItem(reviewer: Viewer, item: { id: string; campaignId: string; language: ItemLanguage }): Promise<Lease> {
  const lease = await claimNextItem(reviewer, { campaignId: item.campaignId, language: item.language });
  if (lease?.item.id !== item.id) {
    throw new Error(`expected to claim ${item.id} from its campaign's queue, got ${lease?.item.id ?? "nothing"}`);
  }
  return lease;
}
