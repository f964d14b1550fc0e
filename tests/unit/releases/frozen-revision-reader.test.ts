// The decoder of COPY's binary format behind the release builder: every field type, NULLs, and rows cut between
// chunks at any byte (the network decides where chunks end).
import assert from "node:assert/strict";
import { test } from "node:test";
import { RELEASE_COLUMNS, type FrozenRevisionRow } from "@/lib/releases/release-columns";
import { FrozenRevisionReader } from "@/lib/releases/frozen-revision-reader";

const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);

const int16 = (value: number) => {
  const bytes = Buffer.alloc(2);
  bytes.writeInt16BE(value);
  return bytes;
};
const int32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
};
const field = (bytes: Buffer | null) => (bytes === null ? int32(-1) : Buffer.concat([int32(bytes.length), bytes]));
const text = (value: string | null) => field(value === null ? null : Buffer.from(value, "utf8"));
const uuid = (value: string) => field(Buffer.from(value.replace(/-/g, ""), "hex"));
const timestamp = (date: Date) => {
  const bytes = Buffer.alloc(8);
  bytes.writeBigInt64BE(BigInt(date.getTime() - POSTGRES_EPOCH_MS) * 1000n);
  return field(bytes);
};

const ENCODERS = {
  uuid: (value: unknown) => uuid(value as string),
  text: (value: unknown) => text(value as string | null),
  int4: (value: unknown) => field(value === null ? null : int32(value as number)),
  timestamptz: (value: unknown) => timestamp(value as Date),
};
const encodeField = (row: FrozenRevisionRow, column: (typeof RELEASE_COLUMNS)[number]) => ENCODERS[column.kind](row[column.row]);

/** Encodes a row as PostgreSQL's COPY (FORMAT binary) would, field by field in the table's order. */
function encodeRow(row: FrozenRevisionRow): Buffer {
  return Buffer.concat([int16(RELEASE_COLUMNS.length), ...RELEASE_COLUMNS.map((column) => encodeField(row, column))]);
}

function copyStream(rows: FrozenRevisionRow[]): Buffer {
  const header = Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), int32(0), int32(0)]);
  return Buffer.concat([header, ...rows.map(encodeRow), int16(-1)]);
}

const ROWS: FrozenRevisionRow[] = [
  {
    itemId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    language: "eu",
    variety: "batua",
    category: "closed_qa",
    instruction: "Zer da «euskara»? 🙂",
    context: "Testuingurua\nlerro berrian, \"komatxoekin\" eta \\ barra.",
    response: "Hizkuntza bat.",
    sourceUrl: "https://example.org/a?b=c",
    sourceLicense: "CC BY-SA 4.0",
    guidelineVersion: 3,
    authorId: "ffffffff-0000-4000-8000-000000000001",
    campaignId: "cccccccc-0000-4000-8000-000000000001",
    createdAt: new Date("2026-03-01T12:34:56.789Z"),
  },
  {
    itemId: "1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    language: "es",
    variety: null,
    category: "open_qa",
    instruction: "¿Cuándo?",
    context: null,
    response: "",
    sourceUrl: null,
    sourceLicense: null,
    guidelineVersion: null,
    authorId: "ffffffff-0000-4000-8000-000000000002",
    campaignId: "cccccccc-0000-4000-8000-00000000000f",
    createdAt: new Date("1999-12-31T23:59:59.001Z"),
  },
];

function decodeInChunks(bytes: Buffer, cuts: number[]): FrozenRevisionRow[] {
  const reader = new FrozenRevisionReader();
  const rows: FrozenRevisionRow[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    reader.read(bytes.subarray(start, cut), rows);
    start = cut;
  }
  reader.finish();
  return rows;
}

test("decodes every field, NULLs, non-ASCII text and timestamps before and after 2000", () => {
  assert.deepEqual(decodeInChunks(copyStream(ROWS), []), ROWS);
});

test("the same rows come out wherever the chunks are cut, even inside a length or a character", () => {
  const bytes = copyStream(ROWS);
  for (let cut = 1; cut < bytes.length; cut++) {
    assert.deepEqual(decodeInChunks(bytes, [cut]), ROWS, `cut at byte ${cut}`);
  }
  assert.deepEqual(decodeInChunks(bytes, Array.from({ length: bytes.length - 1 }, (_, index) => index + 1)), ROWS, "one byte at a time");
});

test("a stream cut before its trailer is an error, not a short release", () => {
  const bytes = copyStream(ROWS);
  const reader = new FrozenRevisionReader();
  reader.read(bytes.subarray(0, bytes.length - 2), []);
  assert.throws(() => reader.finish(), /ended before its trailer/);
});

test("a row with another number of fields is refused (the query and the decoder must agree)", () => {
  const bytes = Buffer.concat([copyStream([]).subarray(0, 19), int16(3), text("a"), text("b"), text("c"), int16(-1)]);
  assert.throws(() => decodeInChunks(bytes, []), new RegExp(`3 fields, expected ${RELEASE_COLUMNS.length}`));
});

test("NULL in a column that may not be NULL is refused, naming the column", () => {
  const row = encodeRow(ROWS[1]!);
  // The second row's response is an empty string: its field is a zero length and no bytes. Make it NULL.
  const responseAt = RELEASE_COLUMNS.findIndex((column) => column.row === "response");
  const before = Buffer.concat([int16(RELEASE_COLUMNS.length), ...RELEASE_COLUMNS.slice(0, responseAt).map((column) => encodeField(ROWS[1]!, column))]);
  const withNull = Buffer.concat([before, int32(-1), row.subarray(before.length + 4)]);
  const bytes = Buffer.concat([copyStream([]).subarray(0, 19), withNull, int16(-1)]);
  assert.throws(() => decodeInChunks(bytes, []), /NULL for response/);
});
