// A near-duplicate lookup reads about as much of the band-key index after thousands of items have just been written as
// after a few. With GIN's pending list (fastupdate, the default) new keys wait in an unsorted list that every lookup
// reads whole until a vacuum sorts them into the tree: an import, which looks up each line while it writes thousands,
// then paid for a list growing to 4 MB on every line (7.8 s for a batch of 500 lines at 10,000 items, against 0.13 s).
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { NEAR_DUPLICATE_INDEX, nearDuplicateCandidatesSql } from "@/lib/quality/find-duplicates";
import { itemSimilarityKeys } from "@/lib/quality/similarity-keys";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { ownDatabaseForThisFile } from "@/tests/support/own-database";

// The index's whole content is the point: a database of this file's own.
ownDatabaseForThisFile("escriba_near_duplicate_upkeep");

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Shared Hit Blocks": number;
  "Shared Read Blocks": number;
  Plans?: PlanNode[];
}

function findIndexScan(node: PlanNode): PlanNode | undefined {
  if (node["Node Type"] === "Bitmap Index Scan" && node["Index Name"] === NEAR_DUPLICATE_INDEX) return node;
  for (const child of node.Plans ?? []) {
    const found = findIndexScan(child);
    if (found) return found;
  }
  return undefined;
}

test("a near-duplicate lookup reads no more of the band-key index after 3,000 new items than a tree's depth per key", async () => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const author = await createTestUser("annotator", ["es"], "upkeep");
  /** `count` submitted items, each with 32 band keys of its own (as real texts have: band keys are near-unique). */
  const writeItems = (count: number) => db().$executeRaw`
    INSERT INTO items (id, campaign_id, author_id, language, category, status, instruction, response, fingerprint,
                       similarity_keys, review_round, submitted_at, created_at, updated_at, version)
    SELECT gen_random_uuid(), ${campaign.id}::uuid, ${author.id}::uuid, 'es', 'open_qa', 'submitted', 'Texto ' || n,
           'Respuesta ' || n, md5(random()::text),
           ARRAY(SELECT (random() * 1e15)::bigint + n * 0 FROM generate_series(1, 32)), 1, now(), now(), now(), 1
      FROM generate_series(1, ${count}::int) AS n`;
  const probe = itemSimilarityKeys({
    language: "es",
    instruction: "¿Qué río pasa por la ciudad de Zaragoza y dónde desemboca?",
    response: "El Ebro pasa por Zaragoza y desemboca en el mar Mediterráneo, en el delta que forma en Tarragona.",
  });
  // The index plan, as an import's lookup makes it (at a hundred rows the planner would rather read the table).
  const pagesRead = async () => {
    const rows = await db().$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${nearDuplicateCandidatesSql({
        itemId: "00000000-0000-4000-8000-000000000000",
        similarityKeys: probe,
      })}`;
    });
    const scan = findIndexScan(rows[0]!["QUERY PLAN"][0]!.Plan);
    assert.ok(scan, `the lookup goes through ${NEAR_DUPLICATE_INDEX}`);
    return scan["Shared Hit Blocks"] + scan["Shared Read Blocks"];
  };

  await writeItems(100);
  const few = await pagesRead();
  await writeItems(3000);
  const many = await pagesRead();
  // 96,000 more keys deepen the entry tree by a level (seen: 65 pages, then 97), so one more page per key of the probe;
  // two allowed. Through a pending list the lookup read 42, then 292 pages.
  assert.ok(many <= few + 2 * probe.length, `pages read: ${few} at 100 items, ${many} at 3,100 (${probe.length} keys)`);
});
