// Gold items and blind second reviews against the real database: the rates the queue hands them out at, that they look
// like new work, that their decisions never touch the item, its outcomes or the earnings, that nobody sees a colleague's
// decision before deciding, and that a second review's disagreement reaches the adjudication queue.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, describe, test } from "node:test";
import { ZodError } from "zod";
import { recordHeartbeat } from "@/lib/activity/record-heartbeat";
import type { Viewer } from "@/lib/auth/viewer";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { db, disconnectDb } from "@/lib/db";
import type { ItemView } from "@/lib/items/schemas";
import { agreementReport } from "@/lib/review-quality/agreement-report";
import { markGoldItem } from "@/lib/review-quality/mark-gold-item";
import { myReviewQuality } from "@/lib/review-quality/my-review-quality";
import { claimNextItem } from "@/lib/reviews/claim-next-item";
import { decideReview } from "@/lib/reviews/decide-review";
import { getItemHistory } from "@/lib/reviews/get-item-history";
import { getReviewContext } from "@/lib/reviews/get-review-context";
import { listOpenAdjudications } from "@/lib/reviews/list-open-adjudications";
import { resolveAdjudication } from "@/lib/reviews/resolve-adjudication";
import { returnToQueue } from "@/lib/reviews/return-to-queue";
import type { Lease } from "@/lib/reviews/schemas";
import { claimItem } from "@/tests/support/claim-item";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser, type TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

const SCORES = { instruction: 4, correctness: 4, fluency: 5, safety: 5, guidelines: 4 };
let tagCounter = 0;
const tag = () => `calidad ${++tagCounter} ${Date.now()}`;

/** ln C(n, k) p^k (1-p)^(n-k), summed stably below. */
function logBinomial(n: number, k: number, p: number): number {
  let logChoose = 0;
  for (let i = 1; i <= k; i++) logChoose += Math.log((n - k + i) / i);
  return logChoose + k * Math.log(p) + (n - k) * Math.log(1 - p);
}

/**
 * The acceptance band for a Binomial(n, p) count: the widest [low, high] with P(X < low) and P(X > high) each at most
 * risk / 2, from the exact distribution. With risk 1e-6 a correct queue fails this test once in a million runs.
 */
function binomialBand(n: number, p: number, risk = 1e-6): [number, number] {
  const pmf = Array.from({ length: n + 1 }, (_, k) => Math.exp(logBinomial(n, k, p)));
  let low = 0;
  for (let tail = 0; tail + pmf[low]! <= risk / 2; low++) tail += pmf[low]!;
  let high = n;
  for (let tail = 0; tail + pmf[high]! <= risk / 2; high--) tail += pmf[high]!;
  return [low, high];
}

async function setRates(campaignId: string, rates: { goldRate?: number; secondReviewRate?: number; ratePerReview?: string | null }) {
  const maintainer = viewerOf(await createTestUser("maintainer", ["es", "gl", "ca", "eu"]));
  return updateCampaign(maintainer, campaignId, rates);
}

async function approve(reviewer: TestUser, item: ItemView) {
  const lease = await claimItem(viewerOf(reviewer), item);
  await decideReview(viewerOf(reviewer), item.id, { version: lease.item.version, decision: "approve", scores: SCORES });
}

/** What kind of lease the reviewer now holds on `itemId`, as recorded (never as shown). */
async function heldKind(reviewer: Viewer, itemId: string): Promise<"gold" | "second_review" | "new_work"> {
  const check = await db().reviewCheck.findFirst({ where: { itemId, reviewerId: reviewer.id, decidedAt: null } });
  return check?.kind ?? "new_work";
}

/** Claims from the campaign's queue, giving back whatever else comes, until `itemId` is handed out (at most 200 tries). */
async function claimUntil(reviewer: Viewer, campaignId: string, itemId: string): Promise<Lease> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const lease = await claimNextItem(reviewer, { campaignId });
    assert.ok(lease, "the queue is not empty");
    if (lease.item.id === itemId) return lease;
    await returnToQueue(reviewer, lease.item.id);
  }
  throw new Error(`${itemId} was never handed out`);
}

describe("rates", () => {
  test("gold and second-review rates outside 0–50 % are refused naming the field", async () => {
    const campaign = await createTestCampaign({ languages: ["es"] });
    for (const [field, value] of [["goldRate", 51], ["secondReviewRate", -1], ["goldRate", 2.5]] as const) {
      await assert.rejects(setRates(campaign.id, { [field]: value }), (error: unknown) => {
        assert.ok(error instanceof ZodError);
        assert.deepEqual(error.issues.map((issue) => issue.path.join(".")), [field]);
        return true;
      });
    }
    const saved = await setRates(campaign.id, { goldRate: 50, secondReviewRate: 0 });
    assert.deepEqual([saved.goldRate, saved.secondReviewRate], [50, 0]);
  });

  test("over 1,000 claims, gold items and second reviews come at the campaign's rates (exact binomial band, risk 1e-6)", async () => {
    const campaign = await createTestCampaign({ languages: ["es"] });
    const author = await createTestUser("annotator", ["es"]);
    const firstReviewer = await createTestUser("reviewer", ["es"]);
    const [goldItem, secondItem, newWork] = [
      await submitTestItem(author, campaign.id, "es", tag()),
      await submitTestItem(author, campaign.id, "es", tag()),
      await submitTestItem(author, campaign.id, "es", tag()),
    ];
    await approve(firstReviewer, goldItem!);
    await approve(firstReviewer, secondItem!);
    const maintainer = viewerOf(await createTestUser("maintainer", ["es"]));
    await markGoldItem(maintainer, goldItem!.id, { expectedDecision: "approve" });
    await setRates(campaign.id, { goldRate: 10, secondReviewRate: 20 });

    const reviewer = viewerOf(await createTestUser("reviewer", ["es"]));
    const counts = { gold: 0, second_review: 0, new_work: 0 };
    const claims = 1000;
    for (let claim = 0; claim < claims; claim++) {
      const lease = await claimNextItem(reviewer, { campaignId: campaign.id });
      assert.ok(lease);
      const kind = await heldKind(reviewer, lease.item.id);
      counts[kind]++;
      assert.equal(lease.item.id, { gold: goldItem!.id, second_review: secondItem!.id, new_work: newWork!.id }[kind]);
      await returnToQueue(reviewer, lease.item.id);
    }
    const [goldLow, goldHigh] = binomialBand(claims, 0.1);
    const [secondLow, secondHigh] = binomialBand(claims, 0.2);
    assert.ok(counts.gold >= goldLow && counts.gold <= goldHigh, `gold ${counts.gold} not in [${goldLow}, ${goldHigh}]`);
    assert.ok(
      counts.second_review >= secondLow && counts.second_review <= secondHigh,
      `second reviews ${counts.second_review} not in [${secondLow}, ${secondHigh}]`,
    );
    assert.equal(await db().reviewCheck.count({ where: { reviewerId: reviewer.id } }), 0, "items given back leave no check behind");
  });
});

describe("gold items", () => {
  test("a gold item looks like new work, its decision is recorded against the expectation only, and a miss is explained", async () => {
    const campaign = await createTestCampaign({ languages: ["gl"] });
    await setRates(campaign.id, { ratePerReview: "0.40" });
    const author = await createTestUser("reviewer", ["gl"]);
    const firstReviewer = await createTestUser("reviewer", ["gl"]);
    const gold = await submitTestItem(author, campaign.id, "gl", tag());
    await approve(firstReviewer, gold);
    const newWork = await submitTestItem(await createTestUser("annotator", ["gl"]), campaign.id, "gl", tag());
    const maintainer = viewerOf(await createTestUser("maintainer", ["gl"]));
    const marked = await markGoldItem(maintainer, gold.id, {
      expectedDecision: "reject",
      explanation: "A resposta inventa unha data: hai que rexeitala.",
    });
    assert.equal(marked.expectedDecision, "reject");
    await setRates(campaign.id, { goldRate: 50 });
    const before = await db().item.findUniqueOrThrow({ where: { id: gold.id }, include: { reviews: true, reviewOutcomes: true, revisions: true } });

    const reviewer = viewerOf(await createTestUser("reviewer", ["gl"]));
    const ordinary = await claimUntil(reviewer, campaign.id, newWork.id);
    await returnToQueue(reviewer, newWork.id);
    const lease = await claimUntil(reviewer, campaign.id, gold.id);
    assert.deepEqual(Object.keys(lease.item).sort(), Object.keys(ordinary.item).sort(), "the same fields as new work");
    assert.equal(lease.item.status, "submitted");
    assert.equal(lease.item.latestFeedback, null, "the first reviewer's approval is not shown");
    const history = await getItemHistory(reviewer, gold.id);
    assert.equal(history.item.status, "submitted");
    assert.deepEqual(history.reviews, [], "nor in the history");
    assert.equal(history.retraction, null);

    const beat = await recordHeartbeat(reviewer, { kind: "reviewing", itemId: gold.id, beatId: randomUUID(), seconds: 15 });
    assert.ok(beat.credited > 0, "reviewing time counts as for new work");

    const result = await decideReview(reviewer, gold.id, { version: lease.item.version, decision: "approve", scores: SCORES });
    assert.equal(result.item.status, "approved", "answered as an approval of new work would be");
    assert.deepEqual(result.approvals, { count: 1, required: 1 });
    const after = await db().item.findUniqueOrThrow({ where: { id: gold.id }, include: { reviews: true, reviewOutcomes: true, revisions: true } });
    assert.deepEqual(after, before, "the item, its reviews, outcomes and revisions are untouched");
    assert.equal(await db().earning.count({ where: { userId: reviewer.id } }), 0, "a gold answer is not paid");
    const check = await db().reviewCheck.findFirstOrThrow({ where: { itemId: gold.id, reviewerId: reviewer.id } });
    assert.deepEqual([check.kind, check.decision, check.matched], ["gold", "approve", false]);

    const mine = await myReviewQuality(reviewer);
    assert.equal(mine.goldAnswered, 1);
    assert.equal(mine.goldMatched, 0);
    assert.equal(mine.goldAccuracy.note, "too_few_items");
    assert.deepEqual(
      mine.missedGold.map((missed) => [missed.itemId, missed.decision, missed.expectedDecision, missed.explanation]),
      [[gold.id, "approve", "reject", "A resposta inventa unha data: hai que rexeitala."]],
    );

    // Never twice to the same reviewer, never to its author or its first reviewer.
    for (const someone of [reviewer, viewerOf(author), viewerOf(firstReviewer)]) {
      for (let claim = 0; claim < 30; claim++) {
        const next = await claimNextItem(someone, { campaignId: campaign.id });
        assert.notEqual(next?.item.id, gold.id);
        if (next) await returnToQueue(someone, next.item.id);
      }
    }
  });
});

describe("blind reviews", () => {
  test("a second review is blind; its disagreement with an approval reaches adjudication, and the item stays as it was", async () => {
    const campaign = await createTestCampaign({ languages: ["ca"] });
    const author = await createTestUser("annotator", ["ca"]);
    const firstReviewer = await createTestUser("reviewer", ["ca"]);
    const approved = await submitTestItem(author, campaign.id, "ca", tag());
    await approve(firstReviewer, approved);
    const newWork = await submitTestItem(author, campaign.id, "ca", tag());
    await setRates(campaign.id, { secondReviewRate: 50 });
    const outcomesBefore = await db().reviewOutcome.count({ where: { itemId: approved.id } });

    const second = viewerOf(await createTestUser("reviewer", ["ca"]));
    for (let claim = 0; claim < 30; claim++) {
      const next = await claimNextItem(viewerOf(firstReviewer), { campaignId: campaign.id });
      assert.notEqual(next?.item.id, approved.id, "never back to the reviewer who decided it");
      if (next) await returnToQueue(viewerOf(firstReviewer), next.item.id);
    }
    const lease = await claimUntil(second, campaign.id, approved.id);
    assert.equal(await heldKind(second, approved.id), "second_review");
    assert.equal(lease.item.status, "submitted");
    assert.equal(lease.item.latestFeedback, null);
    const context = await getReviewContext(second, approved.id);
    assert.deepEqual(context.history.reviews, [], "the first decision is not shown");
    assert.equal(context.approvals.count, null);
    assert.ok(context.leaseExpiresAt, "the screen knows the lease");

    await decideReview(second, approved.id, { version: lease.item.version, decision: "reject", scores: { ...SCORES, correctness: 1 }, comment: "La resposta és incorrecta." });
    const stored = await db().item.findUniqueOrThrow({ where: { id: approved.id } });
    assert.equal(stored.status, "approved");
    assert.equal(await db().reviewOutcome.count({ where: { itemId: approved.id } }), outcomesBefore);
    const maintainer = viewerOf(await createTestUser("maintainer", ["ca"]));
    const dispute = (await listOpenAdjudications(maintainer)).find((open) => open.item.id === approved.id);
    assert.ok(dispute, "the disagreement is in the adjudication queue");
    assert.deepEqual([dispute.secondReview?.decision, dispute.secondReview?.comment], ["reject", "La resposta és incorrecta."]);

    const report = await agreementReport(maintainer, { campaignId: campaign.id });
    assert.equal(report.overall.items, 1);
    assert.equal(report.overall.percentAgreement.note, "too_few_items");

    const settled = await resolveAdjudication(maintainer, dispute.id, { decision: "reject", comment: "The second reviewer is right." });
    assert.equal(settled.status, "retracted", "siding with the second review takes the item out of future releases");
    assert.equal(newWork.status, "submitted");
  });

  test("with two approvals required, the second reviewer sees neither the first decision nor its count before deciding", async () => {
    const campaign = await createTestCampaign({ languages: ["eu"], approvalsRequired: 2 });
    const author = await createTestUser("annotator", ["eu"]);
    const item = await submitTestItem(author, campaign.id, "eu", tag());
    const first = await createTestUser("reviewer", ["eu"]);
    await approve(first, item);
    const second = viewerOf(await createTestUser("reviewer", ["eu"]));
    const lease = await claimItem(second, item);
    assert.equal(lease.item.latestFeedback, null);
    const context = await getReviewContext(second, item.id);
    assert.deepEqual(context.history.reviews, []);
    assert.equal(context.approvals.count, null);
    await decideReview(second, item.id, { version: lease.item.version, decision: "approve", scores: SCORES });
    const afterwards = await getReviewContext(second, item.id);
    assert.equal(afterwards.history.reviews.length, 2, "once decided, both decisions are there");
    assert.deepEqual(afterwards.approvals, { count: 2, required: 2 });
  });
});
