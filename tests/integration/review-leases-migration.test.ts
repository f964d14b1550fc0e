// The migration that moves review leases out of `items` (20261204100000_review_leases) on a database that already holds
// leases: every lease an item carried arrives in review_leases as it was, expired ones included, and nothing else does.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { connectJustBefore, migrateThrough, migrationScratchForThisFile } from "@/tests/support/partial-migrations";

const THE_MIGRATION = "20261204100000_review_leases";
const scratch = migrationScratchForThisFile("escriba_lease_move");

test("leases held in items move to review_leases, and the item columns and their index are gone", async () => {
  const client = await connectJustBefore(scratch, THE_MIGRATION);
  try {
    const [author, reviewer, other] = [randomUUID(), randomUUID(), randomUUID()];
    for (const [id, role] of [[author, "annotator"], [reviewer, "reviewer"], [other, "reviewer"]] as const) {
      await client.query(
        `INSERT INTO users (id, email, name, password_hash, role, languages, updated_at) VALUES ($1, $2, 'x', 'x', $3, '{es}', now())`,
        [id, `${id}@escriba.test`, role],
      );
    }
    const campaign = randomUUID();
    await client.query(`INSERT INTO campaigns (id, slug, name, created_by_id, updated_at) VALUES ($1::uuid, $1::text, 'x', $2, now())`, [campaign, author]);
    const live = { id: randomUUID(), reviewer, expires: new Date("2026-12-04T10:30:00.123Z") };
    const expired = { id: randomUUID(), reviewer: other, expires: new Date("2026-12-01T08:00:00.000Z") };
    const unleased = randomUUID();
    for (const item of [live, expired, { id: unleased, reviewer: null, expires: null }]) {
      await client.query(
        `INSERT INTO items (id, campaign_id, author_id, language, category, status, submitted_at, leased_to_id, lease_expires_at, updated_at)
         VALUES ($1, $2, $3, 'es', 'open_qa', 'submitted', now(), $4, $5, now())`,
        [item.id, campaign, author, item.reviewer, item.expires],
      );
    }

    assert.deepEqual(await migrateThrough(scratch, THE_MIGRATION), [THE_MIGRATION]);

    const { rows: leases } = await client.query(`SELECT item_id::text, reviewer_id::text, expires_at FROM review_leases ORDER BY expires_at`);
    assert.deepEqual(leases, [
      { item_id: expired.id, reviewer_id: other, expires_at: expired.expires },
      { item_id: live.id, reviewer_id: reviewer, expires_at: live.expires },
    ]);
    const { rows: columns } = await client.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'items' AND column_name LIKE 'lease%'`,
    );
    assert.deepEqual(columns, []);
    const { rows: indexes } = await client.query(`SELECT indexname FROM pg_indexes WHERE indexname = 'items_leased_to_id_idx'`);
    assert.deepEqual(indexes, []);
    // The lease ends with its item.
    await client.query(`DELETE FROM items WHERE id = $1`, [live.id]);
    assert.equal((await client.query(`SELECT 1 FROM review_leases WHERE item_id = $1`, [live.id])).rowCount, 0);
  } finally {
    await client.end();
  }
});
