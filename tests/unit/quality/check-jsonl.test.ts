import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { checkItem } from "@/lib/quality/check-item";
import { checkJsonLines, JsonlInputError, MAX_LINE_CHARS } from "@/lib/quality/check-jsonl";
import { errorLineSchema, textResultLineSchema } from "@/lib/quality/schemas";

// Galician when the text says "galego", Catalan otherwise: enough to tell the detector's answer apart.
const detector = (text: string) =>
  text.includes("galego") ? { language: "gl" as const, confidence: 0.91 } : { language: "ca" as const, confidence: 0.88 };
const deps = { identifyLanguage: detector };

const ITEM = {
  language: "gl",
  category: "open_qa",
  instruction: "Cal é o río máis longo de Galicia? Responde en galego.",
  context: null,
  response: "O río máis longo de Galicia é o Miño, con preto de 320 quilómetros, en galego.",
};

async function* linesOf(...lines: string[]): AsyncIterable<string> {
  for (const line of lines) yield line;
}

async function run(input: NodeJS.ReadableStream | AsyncIterable<string>) {
  const written: string[] = [];
  const result = await checkJsonLines(input, (line) => void written.push(line), deps);
  return { result, parsed: written.map((line) => JSON.parse(line) as Record<string, unknown>), written };
}

describe("checkJsonLines", () => {
  test("a text line gets its language, confidence and PII spans", async () => {
    const text = "Escriu-me a marta@exemple.cat demà.";
    const { parsed, result } = await run(linesOf(JSON.stringify({ text })));
    assert.equal(result.lines, 1);
    const line = textResultLineSchema.parse(parsed[0]);
    const start = text.indexOf("marta@");
    assert.deepEqual(line, {
      language: "ca",
      confidence: 0.88,
      alternatives: [],
      pii: [{ type: "email", start, end: start + "marta@exemple.cat".length }],
    });
  });

  test("with the real identifier, a text line lists the likeliest fine-grained languages (Portuguese behind other)", async () => {
    const written: string[] = [];
    const text = "Ninguém quer ser o primeiro a chegar à festa, por isso toda a gente fica em casa à espera.";
    await checkJsonLines(linesOf(JSON.stringify({ text })), (line) => void written.push(line));
    const line = textResultLineSchema.parse(JSON.parse(written[0] ?? "{}"));
    assert.equal(line.language, "other");
    assert.equal(line.alternatives[0]?.language, "pt");
    assert.ok(line.alternatives.length <= 3);
  });

  test("an e-mail spelled out comes back as an email flagged obfuscated, spanning the whole address", async () => {
    const text = "Escriu-me a marta arrova exemple punt cat demà.";
    const { parsed } = await run(linesOf(JSON.stringify({ text })));
    const line = textResultLineSchema.parse(parsed[0]);
    const start = text.indexOf("marta");
    const end = start + "marta arrova exemple punt cat".length;
    assert.deepEqual(line.pii, [{ type: "email", start, end, obfuscated: true }]);
  });

  test("an item line gets the same full report as checkItem", async () => {
    const { parsed } = await run(linesOf(JSON.stringify(ITEM), JSON.stringify({ ...ITEM, instruction: "Río?" })));
    assert.deepEqual(parsed[0], JSON.parse(JSON.stringify(checkItem({ ...ITEM, language: "gl", category: "open_qa" }, {}, deps))));
    assert.equal(parsed[0]?.blocked, false);
    assert.equal(parsed[1]?.blocked, true);
    assert.deepEqual((parsed[1]?.problems as { code: string }[]).map((p) => p.code), ["too_short"]);
  });

  test("release-style snake_case source fields and author overrides are honoured", async () => {
    const line = {
      ...ITEM,
      response: ITEM.response + " Teléfono do concello: 986 12 34 56.",
      source_url: "not a url",
      source_license: "CC BY 4.0",
      piiDeclaredFictional: true,
    };
    const { parsed } = await run(linesOf(JSON.stringify(line)));
    const problems = parsed[0]?.problems as { code: string; overridden: boolean }[];
    assert.deepEqual(problems.map((p) => [p.code, p.overridden]), [["pii_found", true], ["source_url_invalid", false]]);
  });

  test("bad lines become errors naming the line and the field, and checking goes on", async () => {
    const { parsed, result } = await run(
      linesOf(
        "{not json",
        JSON.stringify({ ...ITEM, category: "poetry" }),
        "",
        JSON.stringify({ ...ITEM, response: undefined }),
        "[1, 2]",
        JSON.stringify({ text: 42 }),
        JSON.stringify({ text: "O galego é lingua oficial." }),
      ),
    );
    assert.equal(result.lines, 6);
    const errors = parsed.slice(0, 5).map((p) => errorLineSchema.parse(p).error);
    assert.deepEqual(errors.map((e) => e.line), [1, 2, 4, 5, 6]);
    assert.match(errors[0]?.message ?? "", /JSON/);
    assert.match(errors[1]?.message ?? "", /^category:/);
    assert.match(errors[2]?.message ?? "", /^response:/);
    assert.match(errors[3]?.message ?? "", /object/);
    assert.match(errors[4]?.message ?? "", /^text:/);
    assert.equal(parsed[5]?.language, "gl");
  });

  test("a byte stream split anywhere, even inside a character, gives the same lines as a line iterable", async () => {
    const lines = [JSON.stringify(ITEM), JSON.stringify({ text: "Chámame ao 612 345 678, en galego." }), JSON.stringify({ text: "Pa amb tomàquet" })];
    const bytes = Buffer.from(lines.join("\r\n") + "\n\n", "utf8");
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    const fromStream = await run(Readable.from(chunks, { objectMode: false }));
    const fromLines = await run(linesOf(...lines));
    assert.deepEqual(fromStream.written, fromLines.written);
    assert.equal(fromStream.result.lines, 3);
  });

  test("streams: each result is written before the next input line is read", async () => {
    const written: string[] = [];
    async function* input() {
      yield JSON.stringify({ text: "primeira liña en galego" });
      assert.equal(written.length, 1, "the first result should be out before the second line is read");
      yield JSON.stringify({ text: "segona línia" });
    }
    await checkJsonLines(input(), (line) => void written.push(line), deps);
    assert.equal(written.length, 2);
  });

  test("waits for an asynchronous output and keeps the order", async () => {
    const written: string[] = [];
    const output = async (line: string) => {
      await new Promise((resolve) => setTimeout(resolve, written.length === 0 ? 20 : 0));
      written.push(line);
    };
    await checkJsonLines(linesOf(JSON.stringify({ text: "un" }), JSON.stringify({ text: "dous en galego" })), output, deps);
    assert.deepEqual(written.map((l) => (JSON.parse(l) as { language: string }).language), ["ca", "gl"]);
  });

  test("a line too long to hold is reported, not buffered", async () => {
    const huge = `{"text": "${"a".repeat(MAX_LINE_CHARS + 10)}"}`;
    const { parsed } = await run(Readable.from([Buffer.from(huge + "\n" + JSON.stringify({ text: "galego" }) + "\n")]));
    assert.equal(errorLineSchema.parse(parsed[0]).error.line, 1);
    assert.equal(parsed[1]?.language, "gl");
  });

  test("a failing input stream throws JsonlInputError after the lines already read", async () => {
    const written: string[] = [];
    async function* failing() {
      yield JSON.stringify({ text: "bona nit" });
      throw new Error("disk gone");
    }
    await assert.rejects(checkJsonLines(failing(), (line) => void written.push(line), deps), (error: unknown) => {
      assert.ok(error instanceof JsonlInputError);
      assert.equal((error.cause as Error).message, "disk gone");
      return true;
    });
    assert.equal(written.length, 1);
  });
});
