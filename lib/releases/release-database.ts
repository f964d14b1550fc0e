// The release builder's reads, on one dedicated PostgreSQL connection (plus two COPY readers): the build lock, the
// frozen item set, and the release's content as async iterables of batches that never hold a whole release.
import type { AuthorshipSummary } from "./dataset-card";
import pg from "pg";
import { to as copyTo, type CopyToStreamQuery } from "pg-copy-streams";
import { isUuid } from "@/lib/ids";
import { BUILD_LOCK_TRY_SQL } from "./release-build-lock";
import { RELEASE_SELECT_LIST, type FrozenRevisionRow } from "./release-columns";
import { freezeReleaseItems } from "./freeze-release-items";
import { FrozenRevisionReader } from "./frozen-revision-reader";

/** The rows of one language's release files (`$1` release id, `$2` language); exported for the benchmark's floor. */
export const FROZEN_REVISIONS_SQL = `SELECT ${RELEASE_SELECT_LIST}
FROM release_items ri
JOIN item_revisions r ON r.id = ri.revision_id
JOIN items i ON i.id = ri.item_id
LEFT JOIN guidelines g ON g.id = r.guideline_id
WHERE ri.release_id = $1 AND ri.language = $2::"Language"
ORDER BY ri.item_id`;

/** Rows handed over at a time. */
const BATCH_ROWS = 2_000;
const LANGUAGE_CODE = /^[a-z]{2}$/;
/** Memory for the authorship summary's hashes and sort over a million items (the server's default, 4 MB, spills them). */
export const AUTHORSHIP_SUMMARY_WORK_MEM = "64MB";
/**
 * The dataset card's authorship figures for release $1 (see ReleaseBuildConnection.authorship); bench/release-build.ts
 * prints its plan.
 */
export const AUTHORSHIP_SUMMARY_SQL = `SELECT count(*)::int AS "withEvidence",
       count(*) FILTER (WHERE entered > 0 AND inserted_chars * 20 < entered)::int AS "mostlyTyped"
  FROM (
    SELECT DISTINCT ON (ri.item_id) w.inserted_chars, w.typed_chars + w.inserted_chars AS entered
      FROM release_items ri
      JOIN item_revisions released ON released.id = ri.revision_id
      JOIN writing_evidence w ON w.item_id = ri.item_id AND w.kind = 'writing'
      JOIN item_revisions evidenced ON evidenced.id = w.revision_id
     WHERE ri.release_id = $1 AND evidenced.number <= released.number
     ORDER BY ri.item_id, evidenced.number DESC
  ) latest`;

export type ReleaseChange = "added" | "changed" | "retracted";

/** One language's frozen rows, in item id order, batch by batch. */
export interface LanguageRows {
  language: string;
  batches: AsyncIterable<FrozenRevisionRow[]>;
}

/** Everything the files of a release are written from, as the writer reads it: in order, a batch at a time. */
export interface ReleaseContent {
  /** Items per language, in the order of `languages()`; languages without items left out. */
  itemsPerLanguage: { language: string; items: number }[];
  languages(): AsyncIterable<LanguageRows>;
  /** Item ids that differ from the previous release's frozen set, in id order. */
  changedIds(change: ReleaseChange): AsyncIterable<string[]>;
  campaignNames(ids: readonly string[]): Promise<Map<string, string>>;
  /** Authorship evidence of the frozen items, in aggregate only (the dataset card). */
  authorship(): Promise<AuthorshipSummary>;
}

export class ReleaseBuildConnection {
  /** Connections that only read frozen revisions with COPY, opened on first use. */
  private readonly readers: pg.Client[] = [];
  private readersOpened = 0;

  private constructor(
    private readonly client: pg.Client,
    private readonly connectionString: string,
  ) {}

  static async open(connectionString: string): Promise<ReleaseBuildConnection> {
    const client = new pg.Client({ connectionString, application_name: "escriba release builder" });
    await client.connect();
    return new ReleaseBuildConnection(client, connectionString);
  }

  /** True when this connection now holds the build lock of the release (nobody else is building it). */
  async tryLock(releaseId: string): Promise<boolean> {
    const { rows } = await this.client.query<{ locked: boolean }>(BUILD_LOCK_TRY_SQL, [releaseId]);
    return rows[0]?.locked === true;
  }

  async close(): Promise<void> {
    // Closing the session releases the lock too; end() can fail if the server went away, which changes nothing.
    await Promise.all([this.client, ...this.readers].map((client) => client.end().catch(() => {})));
  }

  /** Freezes the release's item set once (see freezeReleaseItems). */
  async freezeItems(releaseId: string): Promise<void> {
    await freezeReleaseItems(this.client, releaseId);
  }

  /** The frozen release as the file writer reads it; `previousReleaseId` is what the changelog compares with. */
  async content(releaseId: string, previousReleaseId: string | null): Promise<ReleaseContent> {
    const itemsPerLanguage = await this.itemsPerLanguage(releaseId);
    return {
      itemsPerLanguage,
      languages: () => this.frozenLanguages(releaseId, itemsPerLanguage),
      changedIds: (change) => {
        if (!previousReleaseId) throw new Error("No previous release to compare with");
        return this.changedIds(releaseId, previousReleaseId, change);
      },
      campaignNames: (ids) => this.campaignNames(ids),
      authorship: () => this.authorship(releaseId),
    };
  }

  /** How many items of the frozen set are in each language, in the enum's order; languages without items left out. */
  async itemsPerLanguage(releaseId: string): Promise<{ language: string; items: number }[]> {
    const { rows } = await this.client.query<{ language: string; items: number }>(
      `SELECT language::text AS language, count(*)::int AS items
       FROM release_items WHERE release_id = $1 GROUP BY language ORDER BY language`,
      [releaseId],
    );
    return rows;
  }

  /**
   * Per released item, the author's counters frozen at the last submission up to the released revision (a reviewer's
   * edit does not replace the author's record); items with none are left out of `withEvidence`.
   *
   * One pass over the release and the evidence, joined as sets: probing the evidence item by item took 20 s of a
   * million-item build once nine in ten items had some. The sort and hashes get the memory to stay off disk.
   */
  async authorship(releaseId: string): Promise<AuthorshipSummary> {
    await this.client.query("BEGIN READ ONLY");
    try {
      await this.client.query(`SET LOCAL work_mem = '${AUTHORSHIP_SUMMARY_WORK_MEM}'`);
      const { rows } = await this.client.query<AuthorshipSummary>(AUTHORSHIP_SUMMARY_SQL, [releaseId]);
      await this.client.query("COMMIT");
      return rows[0] ?? { withEvidence: 0, mostlyTyped: 0 };
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  }

  async campaignNames(ids: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await this.client.query<{ id: string; name: string }>("SELECT id, name FROM campaigns WHERE id = ANY($1::uuid[])", [
      ids,
    ]);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /**
   * Each language's rows in turn. The next language's COPY is started as soon as this one is handed out:
   * PostgreSQL joins and sorts it meanwhile (most of its work comes before the first row), and its rows wait there
   * until read. COPY rather than a cursor because it streams while we write instead of waiting for each FETCH.
   */
  private async *frozenLanguages(releaseId: string, perLanguage: { language: string }[]): AsyncIterable<LanguageRows> {
    const open = (index: number) => {
      const language = perLanguage[index]?.language;
      if (language === undefined) return null;
      const opening = this.openFrozenRevisions(releaseId, language);
      opening.catch(() => {}); // awaited in its turn; a failure meanwhile is not an unhandled rejection
      return opening;
    };
    let upcoming = open(0);
    for (const [index, { language }] of perLanguage.entries()) {
      const copy = await upcoming!;
      upcoming = open(index + 1);
      yield { language, batches: copy.batches(BATCH_ROWS) };
    }
  }

  /** Starts one language's COPY on one of two reader connections; read them in the order they were opened. */
  private async openFrozenRevisions(releaseId: string, language: string): Promise<FrozenRevisionCopy> {
    // COPY takes no bind parameters: both values are checked before they are written into the statement.
    if (!isUuid(releaseId) || !LANGUAGE_CODE.test(language)) throw new Error(`Bad release id or language: ${releaseId} ${language}`);
    const query = FROZEN_REVISIONS_SQL.replace("$1", `'${releaseId}'`).replace("$2", `'${language}'`);
    const reader = await this.reader();
    return new FrozenRevisionCopy(reader.query(copyTo(`COPY (${query}) TO STDOUT (FORMAT binary)`)));
  }

  private async reader(): Promise<pg.Client> {
    const index = this.readersOpened++ % 2;
    if (!this.readers[index]) {
      const reader = new pg.Client({ connectionString: this.connectionString, application_name: "escriba release builder (reader)" });
      this.readers[index] = reader;
      await reader.connect();
    }
    return this.readers[index];
  }

  /** Item ids that differ between two frozen sets: added (only in current), changed (other revision), retracted. */
  private changedIds(releaseId: string, previousReleaseId: string, change: ReleaseChange): AsyncIterable<string[]> {
    const queries: Record<ReleaseChange, string> = {
      added: `SELECT c.item_id AS id FROM release_items c
              WHERE c.release_id = $1 AND NOT EXISTS (SELECT 1 FROM release_items p WHERE p.release_id = $2 AND p.item_id = c.item_id)
              ORDER BY c.item_id`,
      changed: `SELECT c.item_id AS id FROM release_items c JOIN release_items p ON p.release_id = $2 AND p.item_id = c.item_id
                WHERE c.release_id = $1 AND p.revision_id <> c.revision_id ORDER BY c.item_id`,
      retracted: `SELECT p.item_id AS id FROM release_items p
                  WHERE p.release_id = $2 AND NOT EXISTS (SELECT 1 FROM release_items c WHERE c.release_id = $1 AND c.item_id = p.item_id)
                  ORDER BY p.item_id`,
    };
    return this.cursorBatches<{ id: string }, string>(queries[change], [releaseId, previousReleaseId], (row) => row.id);
  }

  /** Runs `query` in a read-only transaction and hands its rows over in batches, in order. */
  private async *cursorBatches<Row extends pg.QueryResultRow, Out>(
    query: string,
    params: unknown[],
    map: (row: Row) => Out,
  ): AsyncIterable<Out[]> {
    await this.client.query("BEGIN READ ONLY");
    let committed = false;
    try {
      // Every row will be read: plan for all of them (hash joins, one sort) instead of PostgreSQL's default for
      // cursors, the first 10 %, which walks the indexes row by row and took three times as long for a million.
      await this.client.query("SET LOCAL cursor_tuple_fraction = 1");
      await this.client.query(`DECLARE release_rows NO SCROLL CURSOR FOR ${query}`, params);
      for (;;) {
        const { rows } = await this.client.query<Row>(`FETCH ${BATCH_ROWS} FROM release_rows`);
        if (rows.length === 0) break;
        yield rows.map(map);
      }
      await this.client.query("COMMIT");
      committed = true;
    } finally {
      // Also when the reader stopped early (it threw, or broke out of its loop): the connection is used again.
      if (!committed) await this.client.query("ROLLBACK").catch(() => {});
    }
  }
}

/** One language's COPY, read once as batches of decoded rows. */
class FrozenRevisionCopy {
  private failure: Error | null = null;

  constructor(private readonly copy: CopyToStreamQuery) {
    // A failure before anyone reads (the stream only emits it) must neither crash the process nor go unnoticed.
    copy.on("error", (error: Error) => (this.failure ??= error));
  }

  /** Batches of at least `batchSize` rows (the last may be smaller), in item id order. */
  async *batches(batchSize: number): AsyncIterable<FrozenRevisionRow[]> {
    if (this.failure) throw this.failure;
    const reader = new FrozenRevisionReader();
    let rows: FrozenRevisionRow[] = [];
    for await (const chunk of this.copy as AsyncIterable<Buffer>) {
      reader.read(chunk, rows);
      if (rows.length >= batchSize) {
        yield rows;
        rows = [];
      }
    }
    reader.finish();
    if (rows.length > 0) yield rows;
  }
}
