// The review queue under load: 32 reviewers claiming at the same moment over 500 submitted items.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { db, disconnectDb } from "@/lib/db";
import { claimNextItem } from "@/lib/reviews/claim-next-item";
import { decideReview } from "@/lib/reviews/decide-review";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { insertSubmittedItems } from "@/tests/support/seed-submitted-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

const SCORES = { instruction: 4, correctness: 4, fluency: 5, safety: 5, guidelines: 4 };

test("32 concurrent claimers over 500 items: every item is claimed and decided exactly once, none lost", async () => {
  // Its own language keeps other tests' submitted items out of this queue.
  const campaign = await createTestCampaign({ languages: ["eu"] });
  const author = await createTestUser("annotator", ["eu"]);
  const ids = await insertSubmittedItems(author, campaign.id, "eu", 500);
  const reviewers = await Promise.all(Array.from({ length: 32 }, () => createTestUser("reviewer", ["eu"]).then(viewerOf)));

  const claimedBy = new Map<string, string[]>();
  await Promise.all(
    reviewers.map(async (reviewer) => {
      for (;;) {
        const lease = await claimNextItem(reviewer, { language: "eu", campaignId: campaign.id });
        if (!lease) return;
        claimedBy.set(lease.item.id, [...(claimedBy.get(lease.item.id) ?? []), reviewer.id]);
        await decideReview(reviewer, lease.item.id, { version: lease.item.version, decision: "approve", scores: SCORES });
      }
    }),
  );

  assert.equal(claimedBy.size, 500, "every item was handed out");
  const twice = [...claimedBy.entries()].filter(([, claimers]) => claimers.length > 1);
  assert.deepEqual(twice, [], "no item was handed to two reviewers");
  const reviews = await db().review.groupBy({ by: ["itemId"], where: { itemId: { in: ids } }, _count: { _all: true } });
  assert.equal(reviews.length, 500);
  assert.ok(reviews.every((group) => group._count._all === 1));
  assert.equal(await db().item.count({ where: { id: { in: ids }, status: "approved" } }), 500);
  const busiest = Math.max(...reviewers.map((reviewer) => [...claimedBy.values()].filter((c) => c[0] === reviewer.id).length));
  assert.ok(busiest < 500, "the work was shared between reviewers");
});

test("concurrent claims never share an item, and expired leases come back to the queue", async () => {
  const campaign = await createTestCampaign({ languages: ["eu"] });
  const author = await createTestUser("annotator", ["eu"]);
  const ids = await insertSubmittedItems(author, campaign.id, "eu", 40);
  const reviewers = await Promise.all(Array.from({ length: 32 }, () => createTestUser("reviewer", ["eu"]).then(viewerOf)));

  const first = await Promise.all(reviewers.map((reviewer) => claimNextItem(reviewer, { language: "eu", campaignId: campaign.id })));
  const firstIds = first.map((lease) => lease?.item.id);
  assert.ok(firstIds.every(Boolean), "32 items for 32 reviewers");
  assert.equal(new Set(firstIds).size, 32, "each reviewer got a different item");

  // Claiming again returns the lease one already holds rather than a second item.
  const again = await claimNextItem(reviewers[0]!, { language: "eu", campaignId: campaign.id });
  assert.equal(again?.item.id, firstIds[0]);

  // Time passes for half the leases: they expire, and fresh reviewers get exactly those back, oldest first.
  const expired = firstIds.slice(0, 16) as string[];
  await db().reviewLease.updateMany({ where: { itemId: { in: expired } }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const latecomers = await Promise.all(Array.from({ length: 24 }, () => createTestUser("reviewer", ["eu"]).then(viewerOf)));
  const second = await Promise.all(latecomers.map((reviewer) => claimNextItem(reviewer, { language: "eu", campaignId: campaign.id })));
  const secondIds = second.map((lease) => lease?.item.id).filter(Boolean) as string[];
  assert.equal(secondIds.length, 24, "8 never-claimed + 16 expired items");
  assert.equal(new Set(secondIds).size, 24);
  const stillHeld = new Set(firstIds.slice(16));
  assert.ok(secondIds.every((id) => !stillHeld.has(id)), "live leases are never handed out again");
  assert.deepEqual(new Set(secondIds), new Set([...expired, ...ids.filter((id) => !firstIds.includes(id))]));

  // The original holder of an expired lease can no longer decide on it.
  const original = reviewers[0]!;
  await assert.rejects(
    decideReview(original, expired[0]!, { version: 2, decision: "approve", scores: SCORES }),
    (error: unknown) => error instanceof Error && "code" in error && (error as { code: string }).code === "conflict",
  );
});

test("one reviewer's simultaneous claims (tabs, double clicks, retries) all return the one lease they hold", async () => {
  const campaign = await createTestCampaign({ languages: ["eu"] });
  const author = await createTestUser("annotator", ["eu"]);
  await insertSubmittedItems(author, campaign.id, "eu", 40);
  // The race is a matter of timing: many rounds of six claims at once make a double lease all but certain to show.
  for (let round = 0; round < 25; round++) {
    const reviewer = viewerOf(await createTestUser("reviewer", ["eu"]));
    const leases = await Promise.all(Array.from({ length: 6 }, () => claimNextItem(reviewer, { language: "eu", campaignId: campaign.id })));
    const claimedIds = new Set(leases.map((lease) => lease?.item.id));
    assert.equal(claimedIds.size, 1, `round ${round}: every claim returned the same item`);
    assert.equal(await db().reviewLease.count({ where: { reviewerId: reviewer.id } }), 1, `round ${round}: one lease held`);
  }
});
