// Paid work for pay tests, through the real use cases: items submitted, sent back, reworked, approved; periods of
// today (the programme's time zone) opened and closed early.
import { randomBytes } from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { submitItem } from "@/lib/items/submit-item";
import { updateDraft } from "@/lib/items/update-draft";
import { claimNextItem } from "@/lib/reviews/claim-next-item";
import { decideReview } from "@/lib/reviews/decide-review";
import { createPayPeriod } from "@/lib/pay/create-pay-period";

export const FULL_MARKS = { instruction: 5, correctness: 5, fluency: 5, safety: 5, guidelines: 5 };

/** Today's date in the programme's time zone (YYYY-MM-DD). */
export function programmeToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: env().ESCRIBA_PROGRAMME_TIME_ZONE }).format(new Date());
}

/** A one-day period for today; it begins where an earlier period closed early today ended. */
export function openTodayPeriod(maintainer: Viewer, label = `t-${randomBytes(4).toString("hex")}`) {
  const today = programmeToday();
  return createPayPeriod(maintainer, { label, startsOn: today, endsOn: today });
}

export async function setCampaignRates(campaignId: string, rates: { perItem?: string; perReview?: string | null }) {
  await db().campaign.update({
    where: { id: campaignId },
    data: { ratePerApprovedItem: rates.perItem, ratePerReview: rates.perReview },
  });
}

/** Claims the item through its campaign's queue and decides; returns the review's id. */
export async function review(
  reviewer: Viewer,
  itemId: string,
  decision: "approve" | "request_changes" | "reject",
): Promise<{ reviewId: string; status: string }> {
  const { campaignId } = await db().item.findUniqueOrThrow({ where: { id: itemId }, select: { campaignId: true } });
  const lease = await claimNextItem(reviewer, { campaignId });
  if (lease?.item.id !== itemId) throw new Error(`expected ${itemId} from the queue, got ${lease?.item.id}`);
  const decided = await decideReview(reviewer, itemId, {
    version: lease.item.version,
    decision,
    scores: FULL_MARKS,
    ...(decision === "approve" ? {} : { comment: "Revisa a resposta, por favor." }),
  });
  const latest = await db().review.findFirstOrThrow({ where: { itemId, reviewerId: reviewer.id }, orderBy: { createdAt: "desc" } });
  return { reviewId: latest.id, status: decided.item.status };
}

/** The author reworks a sent-back item and submits it again. */
export async function rework(author: Viewer, itemId: string) {
  const item = await db().item.findUniqueOrThrow({ where: { id: itemId }, select: { version: true, response: true } });
  const revised = await updateDraft(author, itemId, { version: item.version, response: `${item.response} Engadido tras a revisión.` });
  await submitItem(author, itemId, { version: revised.version });
}
