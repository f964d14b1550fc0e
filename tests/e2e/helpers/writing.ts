// Writing-flow helpers: a guard that fails on any script dialog, the stored item, and a reviewer's send-back.
import { expect, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import { decideReview } from "@/lib/reviews/decide-review";
import type { ItemLanguage } from "@/lib/vocabulary";
import { claimItem } from "@/tests/support/claim-item";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

export const storedItem = (id: string) => db().item.findUniqueOrThrow({ where: { id } });

/**
 * Records every alert/confirm/prompt the page opens (typed markup must never run one); call the returned
 * check at the end. The editor's own "leave with unsaved text?" question (beforeunload) is accepted: it is
 * the one dialog the product means to show.
 */
export function guardDialogs(page: Page): () => void {
  const opened: string[] = [];
  page.on("dialog", (dialog) => {
    if (dialog.type() !== "beforeunload") opened.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.accept().catch(() => {});
  });
  return () => expect(opened, "no script dialog may open").toEqual([]);
}

/**
 * A reviewer of the item's language claims it and requests changes, through the review use cases (the same
 * ones the review screen calls), so the author sees a real sent-back item with its feedback.
 */
export async function sendBack(itemId: string, language: ItemLanguage, comment: string) {
  const reviewer = viewerOf(await createTestUser("reviewer", [language]));
  const lease = await claimItem(reviewer, await storedItem(itemId));
  await decideReview(reviewer, itemId, {
    version: lease.item.version,
    decision: "request_changes",
    scores: { instruction: 4, correctness: 3, fluency: 4, safety: 5, guidelines: 3 },
    comment,
  });
}
