// Approved items for release tests, through the real path: written, submitted, claimed and approved.
import { db } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import type { ItemView } from "@/lib/items/schemas";
import { submitItem } from "@/lib/items/submit-item";
import type { ItemLanguage } from "@/lib/items/vocabulary";
import { claimNextItem } from "@/lib/reviews/claim-next-item";
import { decideReview } from "@/lib/reviews/decide-review";
import type { TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

export const FULL_MARKS = { instruction: 5, correctness: 5, fluency: 5, safety: 5, guidelines: 5 };

export interface ItemText {
  instruction: string;
  response: string;
  context?: string | null;
  sourceUrl?: string | null;
  sourceLicense?: string | null;
  variety?: string | null;
  category?: "open_qa" | "closed_qa" | "brainstorming" | "creative_writing" | "summarization";
  piiDeclaredFictional?: boolean;
}

export async function submitItemWithText(author: TestUser, campaignId: string, language: ItemLanguage, text: ItemText): Promise<ItemView> {
  const viewer = viewerOf(author);
  const draft = await createDraft(viewer, {
    campaignId,
    language,
    category: text.category ?? "open_qa",
    instruction: text.instruction,
    response: text.response,
    context: text.context ?? null,
    sourceUrl: text.sourceUrl ?? null,
    sourceLicense: text.sourceLicense ?? null,
    variety: text.variety ?? null,
  });
  return (await submitItem(viewer, draft.id, { version: draft.version, piiDeclaredFictional: text.piiDeclaredFictional ?? false })).item;
}

let ages = 0;

/** Claims exactly this item (by making it the oldest in the queue) and decides on it. */
export async function reviewItem(
  reviewer: TestUser,
  item: ItemView,
  decision: "approve" | "reject" | "request_changes",
  edits?: { instruction?: string; response?: string },
) {
  await db().item.update({ where: { id: item.id }, data: { submittedAt: new Date(Date.UTC(2000, 0, 1) - ++ages * 1000) } });
  const lease = await claimNextItem(viewerOf(reviewer), { language: item.language });
  if (lease?.item.id !== item.id) throw new Error(`expected to claim ${item.id}, got ${lease?.item.id}`);
  await decideReview(viewerOf(reviewer), item.id, {
    version: lease.item.version,
    decision,
    scores: FULL_MARKS,
    comment: decision === "approve" ? "" : "Needs work.",
    ...(edits ? { edits } : {}),
  });
}
