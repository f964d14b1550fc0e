// COPY's binary format, decoded as the chunks arrive: the release builder reads its rows this way because COPY
// streams while the files are written, and no maintained library decodes it for pg.
import { decodeRow, type FieldReader } from "./compile-release-columns";
import { RELEASE_COLUMNS, type FrozenRevisionRow } from "./release-columns";

const COPY_SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
/** PostgreSQL counts timestamps in microseconds from 2000-01-01 UTC. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);

/**
 * Decodes the builder's rows (RELEASE_COLUMNS, in order) from COPY's binary format as the chunks arrive: a header,
 * then per row a field count and each field as a 32-bit length (-1 for NULL) and its bytes, then -1 as the
 * trailer. A row cut between two chunks waits for the next one.
 */
export class FrozenRevisionReader implements FieldReader {
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
      if (fields !== RELEASE_COLUMNS.length) throw new Error(`COPY gave ${fields} fields, expected ${RELEASE_COLUMNS.length}`);
      rows.push(decodeRow(this));
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

  /** The next field's bytes as [start, end), or null for NULL (refused when the column may not be NULL). */
  private next(nullable: boolean, column: string, expectedLength?: number): number | null {
    const length = this.field();
    if (length < 0) {
      if (!nullable) throw new Error(`COPY gave NULL for ${column}`);
      return null;
    }
    if (expectedLength !== undefined && length !== expectedLength) throw new Error(`COPY gave ${length} bytes for ${column}`);
    const at = this.at;
    this.at += length;
    return at;
  }

  text(nullable: boolean, column: string): string | null {
    const at = this.next(nullable, column);
    return at === null ? null : this.buffer.toString("utf8", at, this.at);
  }

  uuid(nullable: boolean, column: string): string | null {
    const at = this.next(nullable, column, 16);
    if (at === null) return null;
    const hex = this.buffer.toString("hex", at, at + 16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  int4(nullable: boolean, column: string): number | null {
    const at = this.next(nullable, column, 4);
    return at === null ? null : this.buffer.readInt32BE(at);
  }

  timestamptz(nullable: boolean, column: string): Date | null {
    const at = this.next(nullable, column, 8);
    if (at === null) return null;
    const micros = this.buffer.readInt32BE(at) * 2 ** 32 + this.buffer.readUInt32BE(at + 4);
    return new Date(POSTGRES_EPOCH_MS + Math.floor(micros / 1000));
  }
}
