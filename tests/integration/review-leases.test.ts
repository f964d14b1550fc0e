// Review leases live in review_leases, not in the item row (issue 18): a claim and a return must write no new version of
// the item, or every index of `items` (the similarity index among them) takes a new entry at each claim.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { db, disconnectDb } from "@/lib/db";
import { claimNextItem } from "@/lib/reviews/claim-next-item";
import { decideReview } from "@/lib/reviews/decide-review";
import { returnToQueue } from "@/lib/reviews/return-to-queue";
import { claimItem } from "@/tests/support/claim-item";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

const SCORES = { instruction: 4, correctness: 5, fluency: 4, safety: 5, guidelines: 4 };

/** The item row's physical version: a new tuple (an UPDATE, HOT or not) changes both. */
async function rowVersion(itemId: string): Promise<{ xmin: string; ctid: string }> {
  const rows = await db().$queryRaw<{ xmin: string; ctid: string }[]>`SELECT xmin::text, ctid::text FROM items WHERE id = ${itemId}::uuid`;
  return rows[0]!;
}

test("a claim, a second claim of the held lease and a return leave the item row untouched", async () => {
  const campaign = await createTestCampaign({ languages: ["ca"] });
  const author = await createTestUser("annotator", ["ca"]);
  const reviewer = viewerOf(await createTestUser("reviewer", ["ca"]));
  const item = await submitTestItem(author, campaign.id, "ca", `préstec ${Date.now()}`);
  const before = await rowVersion(item.id);

  const lease = await claimItem(reviewer, item);
  assert.deepEqual(await rowVersion(item.id), before, "the claim wrote no new version of the item");
  const again = await claimNextItem(reviewer, { campaignId: campaign.id, language: "ca" });
  assert.equal(again?.item.id, item.id, "the reviewer's own lease is returned on a second claim");
  assert.equal(again?.leaseExpiresAt, lease.leaseExpiresAt);
  await returnToQueue(reviewer, item.id);
  assert.deepEqual(await rowVersion(item.id), before, "the return wrote no new version of the item");

  // Given back, it is in the queue again.
  assert.equal((await claimItem(reviewer, item)).item.id, item.id);
});

test("a lease is one row of review_leases: taken by a claim, ended by a return or a decision", async () => {
  const campaign = await createTestCampaign({ languages: ["ca"] });
  const author = await createTestUser("annotator", ["ca"]);
  const reviewer = viewerOf(await createTestUser("reviewer", ["ca"]));
  const other = viewerOf(await createTestUser("reviewer", ["ca"]));
  const item = await submitTestItem(author, campaign.id, "ca", `préstec ${Date.now()}`);
  const leaseOf = () => db().reviewLease.findUnique({ where: { itemId: item.id } });

  const lease = await claimItem(reviewer, item);
  assert.deepEqual(await leaseOf(), { itemId: item.id, reviewerId: reviewer.id, expiresAt: new Date(lease.leaseExpiresAt) });
  assert.equal(await claimNextItem(other, { campaignId: campaign.id, language: "ca" }), null, "a live lease is not handed out twice");

  await returnToQueue(reviewer, item.id);
  assert.equal(await leaseOf(), null);
  await assert.rejects(returnToQueue(reviewer, item.id), /do not hold a lease/);

  const taken = await claimItem(other, item);
  assert.equal((await leaseOf())?.reviewerId, other.id);
  await decideReview(other, item.id, { version: taken.item.version, decision: "approve", scores: SCORES });
  assert.equal(await leaseOf(), null, "the decision ended the lease");
  assert.equal((await db().item.findUniqueOrThrow({ where: { id: item.id } })).status, "approved");
});
