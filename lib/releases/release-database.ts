// The release builder's reads, on one dedicated PostgreSQL connection: the advisory lock that says "this release
// is being built", freezing its item set, and streams of rows (COPY, cursors) that never hold a whole release.
import pg from "pg";
import { to as copyTo, type CopyToStreamQuery } from "pg-copy-streams";
import { isUuid } from "@/lib/ids";
import type { FrozenRevisionRow } from "./release-record";

/** One lock key per release; held for the whole build by the connection doing it, gone when that process dies. */
const LOCK_KEY_SQL = "hashtextextended('escriba.release-build:' || $1::text, 0)";

/**
 * The rows of one language's release files (`$1` release id, `$2` language), in the order FrozenRevisionReader
 * decodes them; exported for the benchmark's floor.
 */
export const FROZEN_REVISIONS_SQL = `SELECT ri.item_id AS "itemId", ri.language::text AS language, r.variety, r.category::text AS category,
       r.instruction, r.context, r.response, r.source_url AS "sourceUrl", r.source_license AS "sourceLicense",
       g.version AS "guidelineVersion", i.author_id AS "authorId", i.campaign_id AS "campaignId", i.created_at AS "createdAt"
FROM release_items ri
JOIN item_revisions r ON r.id = ri.revision_id
JOIN items i ON i.id = ri.item_id
LEFT JOIN guidelines g ON g.id = r.guideline_id
WHERE ri.release_id = $1 AND ri.language = $2::"Language"
ORDER BY ri.item_id`;

/** One language's frozen revisions on their way out of PostgreSQL (see openFrozenRevisions). */
export interface FrozenRevisionStream {
  /** Hands the rows over in item id order, in batches of at least `batchSize` rows (the last may be smaller). */
  forEachBatch(batchSize: number, onBatch: (rows: FrozenRevisionRow[]) => Promise<void> | void): Promise<void>;
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
    const { rows } = await this.client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY_SQL}) AS locked`, [releaseId]);
    return rows[0]?.locked === true;
  }

  async close(): Promise<void> {
    // Closing the session releases the lock too; end() can fail if the server went away, which changes nothing.
    await Promise.all([this.client, ...this.readers].map((client) => client.end().catch(() => {})));
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

  /**
   * Starts reading one language's frozen revisions with COPY, on one of two reader connections of its own. Open
   * the next language before writing this one: PostgreSQL joins and sorts it meanwhile (most of its work comes
   * before the first row), and its rows wait there until read. At most two may be open at a time; read them in
   * the order they were opened. COPY rather than a cursor because it streams while we write instead of waiting
   * for each FETCH, and may use parallel workers.
   */
  async openFrozenRevisions(releaseId: string, language: string): Promise<FrozenRevisionStream> {
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

  /** How many items of the frozen set are in each language, in the enum's order; languages without items left out. */
  async itemsPerLanguage(releaseId: string): Promise<{ language: string; items: number }[]> {
    const { rows } = await this.client.query<{ language: string; items: number }>(
      `SELECT language::text AS language, count(*)::int AS items
       FROM release_items WHERE release_id = $1 GROUP BY language ORDER BY language`,
      [releaseId],
    );
    return rows;
  }

  async campaignNames(ids: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await this.client.query<{ id: string; name: string }>("SELECT id, name FROM campaigns WHERE id = ANY($1::uuid[])", [
      ids,
    ]);
    return new Map(rows.map((row) => [row.id, row.name]));
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

class FrozenRevisionCopy implements FrozenRevisionStream {
  private failure: Error | null = null;

  constructor(private readonly copy: CopyToStreamQuery) {
    // A failure before anyone reads (the stream only emits it) must neither crash the process nor go unnoticed.
    copy.on("error", (error: Error) => (this.failure ??= error));
  }

  async forEachBatch(batchSize: number, onBatch: (rows: FrozenRevisionRow[]) => Promise<void> | void): Promise<void> {
    if (this.failure) throw this.failure;
    const reader = new FrozenRevisionReader();
    let rows: FrozenRevisionRow[] = [];
    for await (const chunk of this.copy as AsyncIterable<Buffer>) {
      reader.read(chunk, rows);
      if (rows.length >= batchSize) {
        await onBatch(rows);
        rows = [];
      }
    }
    reader.finish();
    if (rows.length > 0) await onBatch(rows);
  }
}

const LANGUAGE_CODE = /^[a-z]{2}$/;
const COPY_SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
/** PostgreSQL counts timestamps in microseconds from 2000-01-01 UTC. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const FROZEN_REVISION_FIELDS = 13;

/**
 * Decodes FROZEN_REVISIONS_SQL's rows from COPY's binary format as the chunks arrive: a header, then per row a
 * field count and each field as a 32-bit length (-1 for NULL) and its bytes, then -1 as the trailer. A row cut
 * between two chunks waits for the next one.
 */
export class FrozenRevisionReader {
  private pending: Buffer | null = null;
  private headerRead = false;
  private ended = false;
  private buffer: Buffer = Buffer.alloc(0);
  private at = 0;

  /** Appends every row completed by `chunk` to `rows`. */
  read(chunk: Buffer, rows: FrozenRevisionRow[]): void {
    this.buffer = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    this.at = 0;
    if (!this.headerRead && !this.readHeader()) return this.keepFrom(0);
    while (!this.ended) {
      const start = this.at;
      if (!this.holdsRow(start)) return this.keepFrom(start);
      const fields = this.buffer.readInt16BE(start);
      this.at = start + 2;
      if (fields === -1) {
        this.ended = true;
        break;
      }
      if (fields !== FROZEN_REVISION_FIELDS) throw new Error(`COPY gave ${fields} fields, expected ${FROZEN_REVISION_FIELDS}`);
      rows.push({
        itemId: this.uuid(),
        language: this.text(),
        variety: this.textOrNull(),
        category: this.text(),
        instruction: this.text(),
        context: this.textOrNull(),
        response: this.text(),
        sourceUrl: this.textOrNull(),
        sourceLicense: this.textOrNull(),
        guidelineVersion: this.int4OrNull(),
        authorId: this.uuid(),
        campaignId: this.uuid(),
        createdAt: this.timestamp(),
      });
    }
    if (this.at < this.buffer.length) throw new Error("COPY sent data after its trailer");
  }

  /** Throws unless the stream ended properly (a cut connection must not pass for a short release). */
  finish(): void {
    if (!this.ended || this.pending) throw new Error("The COPY stream ended before its trailer");
  }

  private readHeader(): boolean {
    if (this.buffer.length < 19) return false;
    if (!this.buffer.subarray(0, 11).equals(COPY_SIGNATURE)) throw new Error("Not a binary COPY stream");
    const extension = this.buffer.readUInt32BE(15);
    if (this.buffer.length < 19 + extension) return false;
    this.at = 19 + extension;
    this.headerRead = true;
    return true;
  }

  private keepFrom(start: number): void {
    this.pending = start < this.buffer.length ? this.buffer.subarray(start) : null;
  }

  /** Whether the whole row (or the trailer) starting at `start` is in the buffer. */
  private holdsRow(start: number): boolean {
    const end = this.buffer.length;
    if (start + 2 > end) return false;
    const fields = this.buffer.readInt16BE(start);
    let at = start + 2;
    for (let field = 0; field < fields; field++) {
      if (at + 4 > end) return false;
      const length = this.buffer.readInt32BE(at);
      at += 4 + Math.max(length, 0);
    }
    return at <= end;
  }

  /** The next field's length (-1 for NULL), leaving `at` on its bytes. */
  private field(): number {
    const length = this.buffer.readInt32BE(this.at);
    this.at += 4;
    return length;
  }

  private textOrNull(): string | null {
    const length = this.field();
    if (length < 0) return null;
    const text = this.buffer.toString("utf8", this.at, this.at + length);
    this.at += length;
    return text;
  }

  private text(): string {
    const text = this.textOrNull();
    if (text === null) throw new Error("COPY gave NULL for a required field");
    return text;
  }

  private uuid(): string {
    if (this.field() !== 16) throw new Error("COPY gave a uuid that is not 16 bytes");
    const hex = this.buffer.toString("hex", this.at, this.at + 16);
    this.at += 16;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  private int4OrNull(): number | null {
    const length = this.field();
    if (length < 0) return null;
    const value = this.buffer.readInt32BE(this.at);
    this.at += 4;
    return value;
  }

  private timestamp(): Date {
    if (this.field() !== 8) throw new Error("COPY gave a timestamp that is not 8 bytes");
    const micros = this.buffer.readInt32BE(this.at) * 2 ** 32 + this.buffer.readUInt32BE(this.at + 4);
    this.at += 8;
    return new Date(POSTGRES_EPOCH_MS + Math.floor(micros / 1000));
  }
}
