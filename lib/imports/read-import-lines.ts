// Splits an import file into numbered lines at the byte level, holding at most one line (up to the limit) at a time:
// a line longer than the limit is skipped to its end and reported, bytes that are not UTF-8 are reported for their
// line (never turned into U+FFFD and stored), and a last line without its newline is told apart so that a file cut
// short mid-line can be named as such.

/** Longest line read; an item's fields together stay far below it (see ITEM_TEXT_LIMITS). */
export const MAX_IMPORT_LINE_BYTES = 1024 * 1024;

export type ImportLine =
  | { number: number; kind: "text"; text: string; unterminated: boolean }
  | { number: number; kind: "too_long"; bytes: number }
  | { number: number; kind: "not_utf8" };

const NEWLINE = 0x0a;
const decoder = new TextDecoder("utf-8", { fatal: true });

export async function* readImportLines(input: AsyncIterable<Uint8Array>, maxLineBytes = MAX_IMPORT_LINE_BYTES): AsyncGenerator<ImportLine> {
  let parts: Uint8Array[] = [];
  let held = 0;
  /** Bytes of the current line seen so far while it is being skipped for its length, or -1. */
  let skipped = -1;
  let number = 0;

  function finish(unterminated: boolean): ImportLine {
    number += 1;
    if (skipped >= 0) {
      const line: ImportLine = { number, kind: "too_long", bytes: skipped };
      skipped = -1;
      return line;
    }
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, held);
    parts = [];
    held = 0;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    try {
      // A byte-order mark at the start of the file is not part of the first line's JSON.
      const text = decoder.decode(bytes.subarray(0, end));
      return { number, kind: "text", text: number === 1 ? text.replace(/^\uFEFF/, "") : text, unterminated };
    } catch {
      return { number, kind: "not_utf8" };
    }
  }

  function take(piece: Uint8Array) {
    if (skipped >= 0) {
      skipped += piece.length;
    } else if (held + piece.length > maxLineBytes) {
      skipped = held + piece.length;
      parts = [];
      held = 0;
    } else if (piece.length > 0) {
      parts.push(piece);
      held += piece.length;
    }
  }

  for await (const chunk of input) {
    let start = 0;
    for (let newline = chunk.indexOf(NEWLINE, start); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
      take(chunk.subarray(start, newline));
      yield finish(false);
      start = newline + 1;
    }
    // Copied: the caller's buffer may be reused for the next chunk.
    if (start < chunk.length) take(Uint8Array.prototype.slice.call(chunk, start));
  }
  if (held > 0 || skipped >= 0) yield finish(true);
}
