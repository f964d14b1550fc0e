// The claim statement runs on one plan made for all values (a generic plan), so that plan must serve every reviewer:
// walk the queue index in order and stop at the first item the reviewer may lease. In a database where one author
// wrote everything (an import under one e-mail address), a generic plan with `author_id <> $1` expected no item to pass
// and sorted the whole queue instead. The test builds exactly that table, analyses it, and asks for the plan of the
// statement the product sends.
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { planOf } from "@/lib/database/one-round-trip";
import { claimRoundTrip } from "@/lib/reviews/claim-next-item";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { ownDatabaseForThisFile } from "@/tests/support/own-database";

// Statistics are the point: a database of this file's own, so no other test's rows change them.
ownDatabaseForThisFile("escriba_review_claim_plan");

test("the claim walks the review queue in order on its one plan, even when one author wrote every item", async () => {
  const campaign = await createTestCampaign({ languages: ["es", "ca"] });
  const author = await createTestUser("annotator", ["es", "ca"], "imported");
  const reviewer = await createTestUser("reviewer", ["es", "ca"]);
  // 20,000 items of one author, a seventh of them waiting for review.
  await db().$executeRaw`
    INSERT INTO items (id, campaign_id, author_id, language, category, status, instruction, response, fingerprint,
                       review_round, submitted_at, created_at, updated_at, version)
    SELECT gen_random_uuid(), ${campaign.id}::uuid, ${author.id}::uuid, (ARRAY['es', 'ca'])[1 + n % 2]::"Language", 'open_qa',
           CASE WHEN n % 7 = 0 THEN 'submitted' ELSE 'approved' END::"ItemStatus", 'Pregunta ' || n, 'Respuesta ' || n, 'f' || n,
           1, now() - make_interval(secs => n), now(), now(), 1
      FROM generate_series(1, 20000) AS n`;
  await db().$executeRawUnsafe("ANALYZE items");

  const scope = { viewerId: reviewer.id, languages: ["es", "ca"], campaignId: null, now: new Date(), leaseMinutes: 30 };
  const plan = await planOf(claimRoundTrip(scope, 0)[1]);
  const next = /CTE next\n([\s\S]*?)\n {2}CTE /.exec(plan)?.[1] ?? "";
  assert.match(next, /Index Scan using items_review_queue_idx on items/, plan);
  assert.doesNotMatch(next, /Sort\b/, plan);
});
