// The demo's paid programme, so a fresh installation shows what a programme looks like from every seat: rates for
// items and reviews, a quota grid about half filled, several annotators with approved work in their languages, a
// pay period closed with its statements, and an open one for the rest of the month. Everything goes through the
// real use cases, so the ledger, the progress counters and the statements are what the product itself would write.
import type { Viewer } from "@/lib/auth/viewer";
import { replaceQuotas } from "@/lib/campaigns/replace-quotas";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { env } from "@/lib/env";
import { createDraft } from "@/lib/items/create-draft";
import { submitItem } from "@/lib/items/submit-item";
import { calendarMonthDays } from "@/lib/pay/calendar-month";
import { closePayPeriod } from "@/lib/pay/close-pay-period";
import { createPayPeriod } from "@/lib/pay/create-pay-period";
import { calendarDayIn } from "@/lib/progress/progress-arithmetic";
import { claimNextItem } from "@/lib/reviews/claim-next-item";
import { decideReview } from "@/lib/reviews/decide-review";
import { ITEM_LANGUAGES, type ItemCategory, type ItemLanguage } from "@/lib/vocabulary";

export interface DemoText {
  language: ItemLanguage;
  category?: ItemCategory;
  instruction: string;
  response: string;
}

/** Approved work of the two annotators who write in Catalan and Basque (the first annotator's is in demo-items). */
export const DEMO_PROGRAMME_TEXTS: DemoText[] = [
  {
    language: "ca",
    instruction: "Per què el cel és blau durant el dia?",
    response:
      "La llum del sol conté tots els colors, però en travessar l'atmosfera les molècules de l'aire dispersen molt més la llum blava, d'ona curta, que la vermella; per això, miris on miris, el cel ens arriba tenyit de blau.",
  },
  {
    language: "ca",
    instruction: "Com es fa un bon pa amb tomàquet?",
    response:
      "Es torra una mica el pa de pagès, s'hi frega mig tomàquet ben madur fins que quedi sucat, s'hi tira un raig d'oli d'oliva i una mica de sal, i si es vol s'hi afegeix pernil o formatge.",
  },
  {
    language: "eu",
    instruction: "Zergatik erortzen zaizkie hostoak zuhaitzei udazkenean?",
    response:
      "Egunak laburtzen direnean, zuhaitzak klorofila egiteari uzten dio eta hosto bakoitzaren oinarrian zelula geruza bat sortzen du; horrela hostoa lehortu egiten da eta haizeak eramaten du.",
  },
  {
    language: "eu",
    instruction: "Nola prestatzen da marmitako erraz bat?",
    response:
      "Tipula, piperra eta baratxuria oliotan eztitzen dira, patata zatiak eta piper txorizeroaren mamia gehitzen zaizkie, urez estali eta egosten uzten da; bukaeran hegaluze zatiak sartu eta bost minutuz egosten dira.",
  },
];

const FULL_MARKS = { instruction: 5, correctness: 5, fluency: 5, safety: 5, guidelines: 5 };

/** Writes, submits and approves one item through the queue of its own campaign and language. */
export async function approveDemoItem(campaignId: string, author: Viewer, reviewer: Viewer, text: DemoText): Promise<void> {
  const draft = await createDraft(author, { campaignId, category: text.category ?? "open_qa", language: text.language, instruction: text.instruction, response: text.response });
  await submitItem(author, draft.id, { version: draft.version });
  const lease = await claimNextItem(reviewer, { campaignId, language: text.language });
  if (lease?.item.id !== draft.id) throw new Error("the demo item just submitted is not first in its queue");
  await decideReview(reviewer, draft.id, { version: lease.item.version, decision: "approve", scores: FULL_MARKS });
}

/** Rates and the quota grid, before any work: four open questions and two creative texts per language. */
export async function setUpDemoProgramme(maintainer: Viewer, campaignId: string): Promise<void> {
  await updateCampaign(maintainer, campaignId, { ratePerReview: "0.40", quotaMode: "soft" });
  await replaceQuotas(maintainer, campaignId, {
    quotas: ITEM_LANGUAGES.flatMap((language) => [
      { language, category: "open_qa" as const, target: 4 },
      { language, category: "creative_writing" as const, target: 2 },
    ]),
  });
}

/**
 * The pay periods: the month so far, closed now (its statements hold the demo's approvals and reviews), and the
 * rest of the month, open.
 */
export async function closeDemoPayPeriod(maintainer: Viewer, now = new Date()): Promise<void> {
  const today = calendarDayIn(env().ESCRIBA_PROGRAMME_TIME_ZONE, now);
  const month = today.slice(0, 7);
  const { startsOn, endsOn } = calendarMonthDays(month);
  const opening = await createPayPeriod(maintainer, { label: `${month}-demo`, startsOn, endsOn: today });
  await closePayPeriod(maintainer, opening.id, { closeNow: true });
  await createPayPeriod(maintainer, { label: month, startsOn: today, endsOn });
}
