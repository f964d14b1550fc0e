// Claim latency of the review queue with 64 concurrent reviewers and 1,000,000 items in the database (about a
// seventh of them submitted). Each reviewer claims and releases repeatedly, so every claim contends for the
// head of the queue. Prints p50/p95 of claimNextItem and, as its floor, of the bare claim statement (the queue's
// SELECT … FOR UPDATE SKIP LOCKED and the INSERT of the lease into review_leases, one round trip, no view) run the
// same way; never asserts on timing. Each also prints this process's CPU and the embedded PostgreSQL's CPU per claim
// and return, and the floor how many of its claims came back empty: a lease refused to it (another claim took the item
// first) is counted as a claim and not tried again, as the product does. Before timing, it prints the plan of the
// product's claim statement and exits 1 when that plan does not walk the queue index in order.
// Usage: node --import tsx bench/review-claim-latency.ts [items=1000000] [reviewers=64] [claimsEach=20] [--port 54339]
import { parseArgs } from "node:util";
import pg from "pg";
import { disconnectDb } from "@/lib/db";
import { planOf } from "@/lib/database/one-round-trip";
import { claimNextItem, claimRoundTrip } from "@/lib/reviews/claim-next-item";
import { ITEM_LANGUAGES } from "@/lib/vocabulary";
import { returnToQueue } from "@/lib/reviews/return-to-queue";
import { fillItems, openBenchDatabase, summarise } from "@/bench/support/bench-database";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

/** The partial index of submitted items by (submitted_at, id): the queue in the order it is served. */
const REVIEW_QUEUE_INDEX = "items_review_queue_idx";

const args = parseArgs({ allowPositionals: true, options: { port: { type: "string", default: "54339" } } });
const [itemCount = 1_000_000, reviewerCount = 64, claimsEach = 20] = args.positionals.map(Number);

const database = await openBenchDatabase("escriba_bench_claims", { port: Number(args.values.port) });
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

// The plan the product's claim statement runs on (one plan for all values, made once per connection), for a reviewer
// of every language, in this database of one author: it must walk the queue index in order, never sort the queue.
const claim = claimRoundTrip({ viewerId: reviewers[0]!.id, languages: [...ITEM_LANGUAGES], campaignId: null, now: new Date(), leaseMinutes: 30 }, 0)[1];
const nextPlan = /CTE next\n([\s\S]*?)\n {2}CTE /.exec(await planOf(claim))?.[1] ?? "";
console.log(`Claim statement plan (the next item):\n${nextPlan}`);
if (!nextPlan.includes(`Index Scan using ${REVIEW_QUEUE_INDEX}`) || /Sort\b/.test(nextPlan)) {
  console.error(`FAIL: the claim statement does not walk ${REVIEW_QUEUE_INDEX} in order`);
  await disconnectDb();
  await database.close();
  process.exit(1);
}

/** Every reviewer claims and releases `claimsEach` times, all at once; returns each claim's time. */
async function timeClaims(claim: (reviewer: (typeof reviewers)[number]) => Promise<string | null>, release: (reviewer: (typeof reviewers)[number], itemId: string) => Promise<unknown>) {
  const samples: number[] = [];
  let empty = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const serverCpuBefore = await database.serverCpuSeconds();
  await Promise.all(
    reviewers.map(async (reviewer) => {
      for (let round = 0; round < claimsEach; round++) {
        const before = performance.now();
        const itemId = await claim(reviewer);
        samples.push(performance.now() - before);
        if (!itemId) {
          empty++;
          continue;
        }
        await release(reviewer, itemId);
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpuAfter = await database.serverCpuSeconds();
  const serverCpuMsPerClaim =
    serverCpuBefore === null || serverCpuAfter === null ? null : ((serverCpuAfter - serverCpuBefore) * 1000) / samples.length;
  // The bench's own CPU per claim and release: on a loaded machine a process waits for a core in proportion to it.
  return { samples, empty, seconds: (performance.now() - started) / 1000, cpuMsPerClaim: (cpu.user + cpu.system) / 1000 / samples.length, serverCpuMsPerClaim };
}

const serverCpu = ({ serverCpuMsPerClaim }: { serverCpuMsPerClaim: number | null }) =>
  serverCpuMsPerClaim === null ? "" : `, PostgreSQL's ${serverCpuMsPerClaim.toFixed(2)} ms`;

const product = await timeClaims(
  async (reviewer) => (await claimNextItem(reviewer))?.item.id ?? null,
  (reviewer, itemId) => returnToQueue(reviewer, itemId),
);
console.log(
  `${itemCount} items (${rows[0].submitted} submitted), ${reviewerCount} concurrent reviewers, ${product.samples.length} claims in ${product.seconds.toFixed(1)} s (${product.empty} empty)`,
);
console.log(`${summarise("claim (claimNextItem)", product.samples)}; this process's CPU per claim and return ${product.cpuMsPerClaim.toFixed(2)} ms${serverCpu(product)}`);

// The floor: the same queue statement and lease, sent bare through a pool of the same size as the app's (10).
const pool = new pg.Pool({ connectionString: database.url, max: 10 });
const floor = await timeClaims(
  async (reviewer) => {
    const result = await pool.query<{ id: string }>(
      `WITH next AS (
         SELECT i.id FROM items i
          WHERE i.status = 'submitted' AND i.author_id <> $1::uuid
            AND NOT EXISTS (SELECT 1 FROM review_leases l WHERE l.item_id = i.id AND l.expires_at > now())
            AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.item_id = i.id AND r.reviewer_id = $1::uuid AND r.round = i.review_round)
            AND NOT EXISTS (SELECT 1 FROM adjudications a WHERE a.item_id = i.id AND a.status = 'open')
          ORDER BY i.submitted_at, i.id LIMIT 1 FOR UPDATE OF i SKIP LOCKED)
       INSERT INTO review_leases AS l (item_id, reviewer_id, expires_at)
       SELECT next.id, $1::uuid, now() + interval '30 minutes' FROM next
       ON CONFLICT (item_id) DO UPDATE SET reviewer_id = EXCLUDED.reviewer_id, expires_at = EXCLUDED.expires_at
        WHERE l.expires_at <= now()
       RETURNING l.item_id::text AS id`,
      [reviewer.id],
    );
    return result.rows[0]?.id ?? null;
  },
  (_reviewer, itemId) => pool.query(`DELETE FROM review_leases WHERE item_id = $1::uuid`, [itemId]),
);
console.log(`${summarise("floor: the bare claim statement", floor.samples)}; this process's CPU per claim and return ${floor.cpuMsPerClaim.toFixed(2)} ms${serverCpu(floor)}; ${floor.empty} empty`);
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
console.log(`ratio (p50): ${(median(product.samples) / median(floor.samples)).toFixed(2)}× (target ≤ 1.5×)`);
await pool.end();
await disconnectDb();
await database.close();
