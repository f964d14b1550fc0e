// Checks a JSONL stream line by line (texts or whole items) and writes one JSON result line per input line.
import { StringDecoder } from "node:string_decoder";
import { checkItem, type QualityCheckDeps } from "./check-item";
import { identifyLanguage } from "./language";
import { findPii } from "./pii";
import { itemLineSchema, textLineSchema } from "./schemas";
import type { z } from "zod";

/** Longer lines are reported as errors and skipped instead of being buffered without bound. */
export const MAX_LINE_CHARS = 1_000_000;

/** The input stream itself failed (read error, aborted pipe); bad lines never throw. */
export class JsonlInputError extends Error {
  readonly code = "jsonl_input_failed";
  constructor(cause: unknown) {
    super("The JSONL input stream failed while being read", { cause });
    this.name = "JsonlInputError";
  }
}

interface InputLine {
  number: number;
  text: string;
  tooLong: boolean;
}

function isReadableStream(input: unknown): input is NodeJS.ReadableStream {
  return typeof (input as NodeJS.ReadableStream).pipe === "function";
}

/**
 * Splits the input into numbered lines. A Node stream yields arbitrary byte chunks; an AsyncIterable<string>
 * yields lines (an element holding several lines is split too). Either way only one line is held at a time.
 */
async function* readLines(input: NodeJS.ReadableStream | AsyncIterable<string>): AsyncGenerator<InputLine> {
  const chunkMode = isReadableStream(input);
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let tooLong = false;
  let number = 0;
  const chunks = input as AsyncIterable<string | Buffer>;
  const iterator = chunks[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<string | Buffer>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw new JsonlInputError(error);
    }
    const chunk = next.done ? decoder.end() : typeof next.value === "string" ? next.value : decoder.write(next.value);
    const pieces = (pending + chunk).split("\n");
    const finished = next.done || !chunkMode;
    pending = finished ? "" : (pieces.pop() ?? "");
    for (const piece of pieces) {
      number++;
      yield { number, text: piece.replace(/\r$/, ""), tooLong: tooLong || piece.length > MAX_LINE_CHARS };
      tooLong = false;
    }
    if (pending.length > MAX_LINE_CHARS) {
      tooLong = true;
      pending = "";
    }
    if (next.done) return;
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "line"}: ${issue.message}`)
    .join("; ");
}

/** The result line for one input line: a text report, a full quality report, or an error naming the field. */
function checkLine(line: InputLine, deps: QualityCheckDeps): unknown {
  const fail = (message: string) => ({ error: { line: line.number, message } });
  if (line.tooLong) return fail(`line: longer than ${MAX_LINE_CHARS} characters`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.text);
  } catch (error) {
    return fail(`line: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return fail("line: expected a JSON object with either \"text\" or the item fields");
  }
  if ("text" in parsed) {
    const text = textLineSchema.safeParse(parsed);
    if (!text.success) return fail(describeIssues(text.error));
    const { language, confidence, alternatives = [] } = (deps.identifyLanguage ?? identifyLanguage)(text.data.text);
    return { language, confidence, alternatives, pii: findPii(text.data.text) };
  }
  const item = itemLineSchema.safeParse(parsed);
  if (!item.success) return fail(describeIssues(item.error));
  return checkItem(item.data.item, item.data.overrides, deps);
}

/**
 * Streams `input` line by line and writes exactly one JSON line per non-empty input line, in order. Invalid
 * lines become `{"error": {"line": N, "message": …}}` (N counts every physical line, from 1). Throws
 * JsonlInputError only when reading the input fails. Returns how many result lines were written.
 */
export async function checkJsonLines(
  input: NodeJS.ReadableStream | AsyncIterable<string>,
  output: (line: string) => void | Promise<void>,
  deps: QualityCheckDeps = {},
): Promise<{ lines: number }> {
  let lines = 0;
  for await (const line of readLines(input)) {
    if (!line.tooLong && line.text.trim() === "") continue;
    await output(JSON.stringify(checkLine(line, deps)));
    lines++;
  }
  return { lines };
}
