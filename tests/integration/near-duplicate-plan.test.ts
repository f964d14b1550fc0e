// The near-duplicate lookup keeps its index plan whatever the statistics say. A text stored many times over puts its
// band keys among the column's most common elements; with the keys written into the statement, the planner then
// expected most of the table to match and read all of it. The test builds exactly that table, analyses it, and
// asks for the plan of the statement the product sends.
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { itemFingerprint } from "@/lib/quality/duplicate-fingerprint";
import { duplicateLookupSql, NEAR_DUPLICATE_INDEX, nearDuplicateCandidatesSql } from "@/lib/quality/find-duplicates";
import { itemSimilarityKeys } from "@/lib/quality/similarity-keys";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { ownDatabaseForThisFile } from "@/tests/support/own-database";

// Statistics are the point: a database of this file's own, so no other test's rows change them.
ownDatabaseForThisFile("escriba_near_duplicate_plan");

test("the near-duplicate statement goes through the band-key index even when statistics say most rows match", async () => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const author = await createTestUser("annotator", ["es"], "repeated-text");
  const repeated = {
    instruction: "¿Qué río pasa por la ciudad de Zaragoza y dónde desemboca?",
    response: "El Ebro pasa por Zaragoza y desemboca en el mar Mediterráneo, en el delta que forma en Tarragona.",
  };
  const keys = itemSimilarityKeys({ ...repeated, language: "es" });
  // 16,000 submitted copies of one text beside 4,000 other texts (enough rows for an index to pay): its keys are the column's most common elements.
  await db().$executeRaw`
    INSERT INTO items (id, campaign_id, author_id, language, category, status, instruction, response, fingerprint,
                       similarity_keys, review_round, submitted_at, created_at, updated_at, version)
    SELECT gen_random_uuid(), ${campaign.id}::uuid, ${author.id}::uuid, 'es', 'open_qa', 'submitted',
           CASE WHEN n <= 16000 THEN ${repeated.instruction} ELSE 'Texto ' || n END,
           CASE WHEN n <= 16000 THEN ${repeated.response} ELSE 'Respuesta ' || n END,
           ${itemFingerprint(repeated)},
           CASE WHEN n <= 16000 THEN ${`{${keys.join(",")}}`}::bigint[] ELSE ARRAY[n::bigint, n::bigint + 1000000] END,
           1, now(), now(), now(), 1
      FROM generate_series(1, 20000) AS n`;
  await db().$executeRawUnsafe("ANALYZE items");

  // The lookup on its own (bench/near-duplicate-check.ts) and as part of both duplicate lookups, as submission sends it.
  const candidate = { itemId: "00000000-0000-4000-8000-000000000000", language: "es" as const, similarityKeys: keys };
  for (const statement of [nearDuplicateCandidatesSql(candidate), duplicateLookupSql({ ...candidate, ...repeated, fingerprint: "f" })]) {
    const plan = await db().$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${statement}`;
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    assert.match(text, new RegExp(`Bitmap Index Scan on ${NEAR_DUPLICATE_INDEX}`), text);
    assert.doesNotMatch(text, /Seq Scan on items/, text);
  }
});
