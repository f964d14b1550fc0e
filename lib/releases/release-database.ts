// The release builder's reads, on one dedicated PostgreSQL connection: the advisory lock that says "this release
// is being built", freezing its item set, and cursors that stream rows without ever holding a whole release.
import pg from "pg";
import type { FrozenRevisionRow } from "./release-record";

/** One lock key per release; held for the whole build by the connection doing it, gone when that process dies. */
const LOCK_KEY_SQL = "hashtextextended('escriba.release-build:' || $1::text, 0)";

/** The rows of one language's release files (`$1` release id, `$2` language); exported for the benchmark's floor. */
export const FROZEN_REVISIONS_SQL = `SELECT ri.item_id AS "itemId", ri.language::text AS language, r.variety, r.category::text AS category,
       r.instruction, r.context, r.response, r.source_url AS "sourceUrl", r.source_license AS "sourceLicense",
       g.version AS "guidelineVersion", i.author_id AS "authorId", i.created_at AS "createdAt"
FROM release_items ri
JOIN item_revisions r ON r.id = ri.revision_id
JOIN items i ON i.id = ri.item_id
LEFT JOIN guidelines g ON g.id = r.guideline_id
WHERE ri.release_id = $1 AND ri.language = $2::"Language"
ORDER BY ri.item_id`;

export class ReleaseBuildConnection {
  private constructor(private readonly client: pg.Client) {}

  static async open(connectionString: string): Promise<ReleaseBuildConnection> {
    const client = new pg.Client({ connectionString, application_name: "escriba release builder" });
    await client.connect();
    return new ReleaseBuildConnection(client);
  }

  /** True when this connection now holds the build lock of the release (nobody else is building it). */
  async tryLock(releaseId: string): Promise<boolean> {
    const { rows } = await this.client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY_SQL}) AS locked`, [releaseId]);
    return rows[0]?.locked === true;
  }

  async close(): Promise<void> {
    // Closing the session releases the lock too; end() can fail if the server went away, which changes nothing.
    await this.client.end().catch(() => {});
  }

  /**
   * Freezes the release's items once: every approved, non-retracted item with its approved revision at this moment.
   * Kept across retries, so a retried build publishes the same set the first attempt saw.
   */
  async freezeItems(releaseId: string): Promise<void> {
    let inserted = false;
    await this.client.query("BEGIN");
    try {
      const { rows } = await this.client.query<{ frozen: boolean }>(
        "SELECT frozen_at IS NOT NULL AS frozen FROM releases WHERE id = $1 FOR UPDATE",
        [releaseId],
      );
      inserted = rows[0]?.frozen !== true;
      if (inserted) {
        await this.client.query("DELETE FROM release_items WHERE release_id = $1", [releaseId]);
        await this.client.query(
          `INSERT INTO release_items (release_id, item_id, revision_id, language)
           SELECT $1, id, approved_revision_id, language FROM items
           WHERE status = 'approved' AND approved_revision_id IS NOT NULL AND retracted_at IS NULL`,
          [releaseId],
        );
        await this.client.query("UPDATE releases SET frozen_at = now() WHERE id = $1", [releaseId]);
      }
      await this.client.query("COMMIT");
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => {});
      throw error;
    }
    // Until autovacuum gets round to it, the planner knows nothing of the new release's rows and plans every read
    // below for one row: nested loops that took ten times as long for a million items.
    if (inserted) await this.client.query("ANALYZE release_items");
  }

  /** Runs `query` in a read-only transaction and hands its rows over in batches, in order. */
  private async streamRows<Row extends pg.QueryResultRow>(
    query: string,
    params: unknown[],
    batchSize: number,
    onBatch: (rows: Row[]) => Promise<void> | void,
  ): Promise<void> {
    await this.client.query("BEGIN READ ONLY");
    try {
      // Every row will be read: plan for all of them (hash joins, one sort) instead of PostgreSQL's default for
      // cursors, the first 10 %, which walks the indexes row by row and took three times as long for a million.
      await this.client.query("SET LOCAL cursor_tuple_fraction = 1");
      await this.client.query(`DECLARE release_rows NO SCROLL CURSOR FOR ${query}`, params);
      for (;;) {
        const { rows } = await this.client.query<Row>(`FETCH ${batchSize} FROM release_rows`);
        if (rows.length === 0) break;
        await onBatch(rows);
      }
      await this.client.query("COMMIT");
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  }

  /** The frozen revisions of one language's items, in item id order. */
  async streamFrozenRevisions(
    releaseId: string,
    language: string,
    batchSize: number,
    onBatch: (rows: FrozenRevisionRow[]) => Promise<void> | void,
  ): Promise<void> {
    await this.streamRows<FrozenRevisionRow>(FROZEN_REVISIONS_SQL, [releaseId, language], batchSize, onBatch);
  }

  /** Item counts per language and category of the frozen set. Ordered by the enums, never by a collation, so the
 * manifest is the same on every server. */
  async countsByLanguageAndCategory(releaseId: string): Promise<{ language: string; category: string; items: number }[]> {
    const { rows } = await this.client.query<{ language: string; category: string; items: number }>(
      `SELECT ri.language::text AS language, r.category::text AS category, count(*)::int AS items
       FROM release_items ri JOIN item_revisions r ON r.id = ri.revision_id
       WHERE ri.release_id = $1 GROUP BY ri.language, r.category ORDER BY ri.language, r.category`,
      [releaseId],
    );
    return rows;
  }

  /** Which guideline versions the frozen revisions were written under, per campaign and language. */
  async guidelineUses(releaseId: string): Promise<{ campaign: string; language: string; version: number | null; items: number }[]> {
    const { rows } = await this.client.query<{ campaign: string; language: string; version: number | null; items: number }>(
      `SELECT c.name AS campaign, ri.language::text AS language, g.version, count(*)::int AS items
       FROM release_items ri
       JOIN item_revisions r ON r.id = ri.revision_id
       JOIN items i ON i.id = ri.item_id
       JOIN campaigns c ON c.id = i.campaign_id
       LEFT JOIN guidelines g ON g.id = r.guideline_id
       WHERE ri.release_id = $1 GROUP BY c.name, ri.language, g.version
       ORDER BY c.name COLLATE "C", ri.language, g.version NULLS FIRST`,
      [releaseId],
    );
    return rows;
  }

  /** Item ids that differ between two frozen sets: added (only in current), changed (other revision), retracted. */
  async streamChangedIds(
    releaseId: string,
    previousReleaseId: string,
    change: "added" | "changed" | "retracted",
    batchSize: number,
    onBatch: (ids: string[]) => Promise<void> | void,
  ): Promise<void> {
    const queries = {
      added: `SELECT c.item_id AS id FROM release_items c
              WHERE c.release_id = $1 AND NOT EXISTS (SELECT 1 FROM release_items p WHERE p.release_id = $2 AND p.item_id = c.item_id)
              ORDER BY c.item_id`,
      changed: `SELECT c.item_id AS id FROM release_items c JOIN release_items p ON p.release_id = $2 AND p.item_id = c.item_id
                WHERE c.release_id = $1 AND p.revision_id <> c.revision_id ORDER BY c.item_id`,
      retracted: `SELECT p.item_id AS id FROM release_items p
                  WHERE p.release_id = $2 AND NOT EXISTS (SELECT 1 FROM release_items c WHERE c.release_id = $1 AND c.item_id = p.item_id)
                  ORDER BY p.item_id`,
    };
    await this.streamRows<{ id: string }>(queries[change], [releaseId, previousReleaseId], batchSize, (rows) =>
      onBatch(rows.map((row) => row.id)),
    );
  }
}

/**
 * Answers whether some live process holds a release's build lock (`free` is false then). A transaction-level
 * try-lock taken and released within this one statement: it conflicts with the builder's session lock and
 * leaves nothing behind. `$1` is the release id.
 */
export const BUILD_LOCK_PROBE_SQL = `SELECT pg_try_advisory_xact_lock(${LOCK_KEY_SQL}) AS free`;
