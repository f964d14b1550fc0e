// Claim latency of the review queue with 64 concurrent reviewers and 1,000,000 items in the database (about a
// seventh of them submitted). Each reviewer claims and releases repeatedly, so every claim contends for the
// head of the queue. Prints p50/p95; never asserts on timing.
// Usage: node --import tsx bench/review-claim-latency.ts [items=1000000] [reviewers=64] [claimsEach=20]
import { disconnectDb } from "@/lib/db";
import { claimNextItem } from "@/lib/reviews/claim-next-item";
import { returnToQueue } from "@/lib/reviews/return-to-queue";
import { fillItems, openBenchDatabase, summarise } from "@/bench/support/bench-database";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

const [itemCount = 1_000_000, reviewerCount = 64, claimsEach = 20] = process.argv.slice(2).map(Number);

const database = await openBenchDatabase("escriba_bench_claims");
const campaign = await createTestCampaign();
const author = await createTestUser("annotator", ["es"], "filler");
console.log(`Filling ${itemCount} items…`);
const fillStarted = performance.now();
await fillItems(database, { count: itemCount, campaignId: campaign.id, authorId: author.id });
console.log(`…in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);
const { rows } = await database.query(`SELECT count(*)::int AS submitted FROM items WHERE status = 'submitted'`);

const reviewers = await Promise.all(
  Array.from({ length: reviewerCount }, () => createTestUser("reviewer", ["es", "ca", "eu", "gl"]).then(viewerOf)),
);
const claims: number[] = [];
let empty = 0;
const started = performance.now();
await Promise.all(
  reviewers.map(async (reviewer) => {
    for (let round = 0; round < claimsEach; round++) {
      const before = performance.now();
      const lease = await claimNextItem(reviewer);
      claims.push(performance.now() - before);
      if (!lease) {
        empty++;
        continue;
      }
      await returnToQueue(reviewer, lease.item.id);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
console.log(`${itemCount} items (${rows[0].submitted} submitted), ${reviewerCount} concurrent reviewers, ${claims.length} claims in ${seconds.toFixed(1)} s (${empty} empty)`);
console.log(summarise("claim (claimNextItem)", claims));
await disconnectDb();
await database.close();
