// A long import looks up each batch's external ids in a table it is filling faster than autoanalyze follows. With no
// statistics the planner took `external_id = ANY(…)` to match everything and walked another index over every item of
// the campaign, once per batch (seen: the key used once in 60 batches of 30,000 lines, PostgreSQL's time per line
// doubling by 100,000). The test builds such a table, never analysed, and asks for the plan of the statement sent.
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { importedExternalIdsSql } from "@/lib/imports/import-items";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { ownDatabaseForThisFile } from "@/tests/support/own-database";

// Statistics are the point: a database of this file's own, so no other test's rows change them.
ownDatabaseForThisFile("escriba_import_external_id_plan");

test("a batch's external ids are looked up on the (campaign, external id) key, one probe each, in a table never analysed", async () => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const author = await createTestUser("annotator", ["es"], "imported");
  await db().$executeRawUnsafe("ALTER TABLE items SET (autovacuum_enabled = false)");
  await db().$executeRaw`
    INSERT INTO items (id, campaign_id, author_id, language, category, status, instruction, response, external_id,
                       review_round, submitted_at, created_at, updated_at, version)
    SELECT gen_random_uuid(), ${campaign.id}::uuid, ${author.id}::uuid, 'es', 'open_qa', 'submitted', 'Texto ' || n,
           'Respuesta ' || n, 'line-' || n, 1, now(), now(), now(), 2
      FROM generate_series(1, 20000) AS n`;
  const batch = Array.from({ length: 500 }, (_, n) => `line-${20000 + n}`);

  const text = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    const plan = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${importedExternalIdsSql(campaign.id, batch)}`;
    return plan.map((row) => row["QUERY PLAN"]).join("\n");
  });
  const shown = text.replace(/\{line-[^}]*\}/g, "{…}");
  assert.match(text, /Index (Only )?Scan using items_campaign_id_external_id_key on items/, shown);
  assert.match(text, /Index Cond: \(\(campaign_id = .*\) AND \(external_id = wanted\.external_id\)\)/, shown);
  const found = await db().$queryRaw<{ external_id: string }[]>(importedExternalIdsSql(campaign.id, ["line-1", "line-20001", "line-19999"]));
  assert.deepEqual(found.map((row) => row.external_id).sort(), ["line-1", "line-19999"]);
});
