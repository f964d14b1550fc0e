import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  itemFingerprint,
  normaliseForDuplicates,
  textSimilarity,
  trigramSimilarity,
  trigramsOf,
} from "@/lib/quality/duplicate-fingerprint";

describe("normaliseForDuplicates", () => {
  test("lower-cases, drops punctuation and collapses whitespace", () => {
    assert.equal(normaliseForDuplicates("  ¿Qué es   la FOTOSÍNTESIS?\n "), "qué es la fotosíntesis");
    assert.equal(normaliseForDuplicates("Hola,\tmón! (prova)"), "hola món prova");
  });
  test("keeps accents, which tell words apart in these languages", () => {
    assert.notEqual(normaliseForDuplicates("més"), normaliseForDuplicates("mes"));
    assert.equal(normaliseForDuplicates("Año"), "año");
  });
  test("composes decomposed accents (NFC) so both spellings compare equal", () => {
    const decomposed = "cancio\u0301n";
    assert.equal(normaliseForDuplicates(decomposed), normaliseForDuplicates("canción"));
    assert.equal(normaliseForDuplicates(decomposed), "canción");
  });
});

describe("itemFingerprint", () => {
  const item = { instruction: "Explica què és la fotosíntesi.", context: null, response: "És el procés pel qual les plantes…" };

  test("is a hex sha256", () => {
    assert.match(itemFingerprint(item), /^[0-9a-f]{64}$/);
  });
  test("ignores case, punctuation and spacing differences", () => {
    const variant = { instruction: "explica QUÈ és la   fotosíntesi", context: "", response: "És el procés, pel qual les plantes" };
    assert.equal(itemFingerprint(variant), itemFingerprint(item));
  });
  test("treats a missing context like an empty one", () => {
    assert.equal(itemFingerprint({ ...item, context: undefined }), itemFingerprint({ ...item, context: "" }));
  });
  test("changes when any field's words change", () => {
    const base = itemFingerprint(item);
    assert.notEqual(itemFingerprint({ ...item, response: "És el procés pel qual els animals…" }), base);
    assert.notEqual(itemFingerprint({ ...item, context: "Text de context" }), base);
    assert.notEqual(itemFingerprint({ ...item, instruction: "Explica què és la respiració." }), base);
  });
  test("keeps field boundaries: moving words between fields is a different item", () => {
    const a = itemFingerprint({ instruction: "Idatzi poema bat", context: "", response: "itsasoari buruz" });
    const b = itemFingerprint({ instruction: "Idatzi poema bat itsasoari", context: "", response: "buruz" });
    assert.notEqual(a, b);
  });
});

describe("textSimilarity (pg_trgm similarity)", () => {
  test("pads words like pg_trgm: two spaces before, one after", () => {
    assert.deepEqual([...trigramsOf("Gat")].sort(), ["  g", " ga", "at ", "gat"]);
    assert.deepEqual([...trigramsOf("a")].sort(), ["  a", " a "]);
  });
  test("matches PostgreSQL's documented value for similarity('word', 'two words')", () => {
    // 4 shared trigrams out of 11 distinct ones.
    assert.equal(textSimilarity("word", "two words"), 4 / 11);
  });
  test("is 1 for texts equal up to case and punctuation, 0 for nothing in common or empty text", () => {
    assert.equal(textSimilarity("Hola, món!", "hola món"), 1);
    assert.equal(textSimilarity("abc", "xyz"), 0);
    assert.equal(textSimilarity("", ""), 0);
    assert.equal(textSimilarity("...", "hola"), 0);
  });
  test("is symmetric and ranks a near copy above a different sentence", () => {
    const original = "Zein da Euskal Herriko mendirik altuena?";
    const nearCopy = "Zein da Euskal Herriko mendi altuena?";
    const other = "Idatzi olerki bat udazkenari buruz.";
    assert.equal(textSimilarity(original, nearCopy), textSimilarity(nearCopy, original));
    assert.ok(textSimilarity(original, nearCopy) > 0.6);
    assert.ok(textSimilarity(original, other) < 0.2);
  });
  test("counts accented letters as one character each", () => {
    assert.deepEqual([...trigramsOf("més")].sort(), ["  m", " mé", "és ", "més"].sort());
  });
  test("scores from prebuilt trigram sets exactly as from the texts, whichever set is the larger", () => {
    const texts = ["Zein da Euskal Herriko mendirik altuena?", "Zein da mendi altuena?", "", "𝔘𝔫𝔦 𝔠𝔬𝔡𝔢 i més", "més i 𝔘𝔫𝔦"];
    for (const a of texts) {
      for (const b of texts) assert.equal(trigramSimilarity(trigramsOf(a), trigramsOf(b)), textSimilarity(a, b), `${a} / ${b}`);
    }
    assert.deepEqual([...trigramsOf("𝔘𝔫")].sort(), ["  𝔘", " 𝔘𝔫", "𝔘𝔫 "].sort());
  });
});

