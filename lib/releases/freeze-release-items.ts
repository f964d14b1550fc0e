// Freezing a release's item set: every approved, non-retracted item with its approved revision at that moment, once
// per release and kept across retries, so a retried build publishes the same set the first attempt saw.
import type pg from "pg";

/** Freezes the set unless an earlier attempt did; true when it was frozen now. */
export async function freezeReleaseItems(client: pg.Client, releaseId: string): Promise<boolean> {
  let inserted = false;
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<{ frozen: boolean }>("SELECT frozen_at IS NOT NULL AS frozen FROM releases WHERE id = $1 FOR UPDATE", [
      releaseId,
    ]);
    inserted = rows[0]?.frozen !== true;
    if (inserted) {
      await client.query("DELETE FROM release_items WHERE release_id = $1", [releaseId]);
      await client.query(
        `INSERT INTO release_items (release_id, item_id, revision_id, language)
         SELECT $1, id, approved_revision_id, language FROM items
         WHERE status = 'approved' AND approved_revision_id IS NOT NULL AND retracted_at IS NULL`,
        [releaseId],
      );
      await client.query("UPDATE releases SET frozen_at = now() WHERE id = $1", [releaseId]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
  // Until autovacuum gets round to it, the planner knows nothing of the new release's rows and plans every read
  // of them for one row: nested loops that took ten times as long for a million items.
  if (inserted) await client.query("ANALYZE release_items");
  return inserted;
}
