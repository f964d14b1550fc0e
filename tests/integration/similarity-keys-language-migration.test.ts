// The migration that puts each item's language into its band keys (20261208090000_similarity_keys_per_language) on a
// database that already holds keyed items: every stored key becomes what the code computes now for the same text and
// language, so near-duplicate lookups keep finding the items stored before it; unkeyed items stay as they were, and
// the progress counts, whose trigger the migration turns off for its UPDATE, count again afterwards.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { nearDuplicateCandidatesSql } from "@/lib/quality/find-duplicates";
import { itemSimilarityKeys } from "@/lib/quality/similarity-keys";
import { connectJustBefore, migrateThrough, migrationScratchForThisFile } from "@/tests/support/partial-migrations";

const THE_MIGRATION = "20261208090000_similarity_keys_per_language";
const scratch = migrationScratchForThisFile("escriba_keys_language");

test("stored band keys gain their item's language, lookups find the items stored before, and counting goes on", async () => {
  const client = await connectJustBefore(scratch, THE_MIGRATION);
  try {
    const author = randomUUID();
    await client.query(
      `INSERT INTO users (id, email, name, password_hash, role, languages, updated_at) VALUES ($1, $2, 'x', 'x', 'annotator', '{es,ca,gl}', now())`,
      [author, `${author}@escriba.test`],
    );
    const campaign = randomUUID();
    await client.query(`INSERT INTO campaigns (id, slug, name, created_by_id, updated_at) VALUES ($1::uuid, $1::text, 'x', $2, now())`, [campaign, author]);
    const text = {
      instruction: "Explica per què el cel és blau, amb paraules senzilles.",
      response: "La llum del sol es dispersa en l'atmosfera; el blau, d'ona més curta, es dispersa més que el vermell.",
    };
    // Before the migration a key held no language: the field code, band and hash, all below 2^44.
    const keysBefore = itemSimilarityKeys({ ...text, language: "ca" }).map((key) => key % 2 ** 44);
    const catalan = randomUUID();
    const galician = randomUUID();
    const unkeyed = randomUUID();
    const neverKeyed = randomUUID();
    const insert = (id: string, language: string, status: string, keys: string | null) =>
      client.query(
        `INSERT INTO items (id, campaign_id, author_id, language, category, status, instruction, response, similarity_keys, submitted_at, updated_at)
         VALUES ($1, $2, $3, $4::"Language", 'open_qa', $5::"ItemStatus", $6, $7, $8::bigint[], now(), now())`,
        [id, campaign, author, language, status, text.instruction, text.response, keys],
      );
    await insert(catalan, "ca", "submitted", `{${keysBefore.join(",")}}`);
    await insert(galician, "gl", "submitted", `{${keysBefore.join(",")}}`);
    await insert(unkeyed, "es", "draft", "{}");
    await insert(neverKeyed, "es", "draft", null);
    const counts = async () =>
      (await client.query(`SELECT language::text, status::text, sum(items)::int AS items FROM campaign_cell_counts GROUP BY 1, 2 HAVING sum(items) > 0 ORDER BY 1, 2`)).rows;
    const countsBefore = await counts();
    assert.equal(countsBefore.length, 3, "the progress counts saw the items");

    assert.deepEqual(await migrateThrough(scratch, THE_MIGRATION), [THE_MIGRATION]);

    const keysOf = async (id: string) =>
      (await client.query<{ keys: string[] | null }>(`SELECT similarity_keys::text[] AS keys FROM items WHERE id = $1`, [id])).rows[0]!.keys;
    assert.deepEqual((await keysOf(catalan))?.map(Number), itemSimilarityKeys({ ...text, language: "ca" }));
    assert.deepEqual((await keysOf(galician))?.map(Number), itemSimilarityKeys({ ...text, language: "gl" }));
    assert.deepEqual(await keysOf(unkeyed), []);
    assert.equal(await keysOf(neverKeyed), null);
    assert.deepEqual(await counts(), countsBefore, "the migration counted nothing twice");

    // The product's lookup for the same text in Catalan finds the Catalan item through the rebuilt index.
    const lookup = nearDuplicateCandidatesSql({
      itemId: randomUUID(),
      similarityKeys: itemSimilarityKeys({ ...text, language: "ca" }),
    });
    await client.query("BEGIN");
    await client.query("SET LOCAL enable_seqscan = off");
    const { rows: found } = await client.query<{ id: string }>(lookup.text, lookup.values);
    const { rows: plan } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${lookup.text}`, lookup.values);
    await client.query("COMMIT");
    assert.deepEqual(found.map((row) => row.id), [catalan]);
    assert.match(plan.map((row) => row["QUERY PLAN"]).join("\n"), /Bitmap Index Scan on items_similarity_keys_idx/);
    const { rows: options } = await client.query(`SELECT reloptions FROM pg_class WHERE relname = 'items_similarity_keys_idx'`);
    assert.deepEqual(options, [{ reloptions: ["fastupdate=off"] }]);

    // The progress trigger is on again: a status change after the migration is counted.
    await client.query(`UPDATE items SET status = 'approved', approved_at = now() WHERE id = $1`, [catalan]);
    assert.deepEqual(
      (await counts()).filter((row) => row.language === "ca"),
      [{ language: "ca", status: "approved", items: 1 }],
    );
  } finally {
    await client.end();
  }
});
