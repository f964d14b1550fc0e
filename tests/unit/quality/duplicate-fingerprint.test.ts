import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  duplicateKeysOf,
  itemFingerprint,
  normaliseForDuplicates,
  textSimilarity,
  trigramSimilarity,
  trigramsOf,
} from "@/lib/quality/duplicate-fingerprint";
import { itemSimilarityKeys, LANGUAGE_CODES, similarityKeysOf } from "@/lib/quality/similarity-keys";

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

describe("similarity keys", () => {
  // Keys are stored on every submitted item and probed by every later check: a change of how they are computed
  // must leave them as they were, or old items stop being found as near duplicates. The lists are the keys earlier
  // versions stored; migration 20261208090000 added each item's language code times 2^44 to them, and the code must
  // compute exactly that.
  const languageOffset = (language: keyof typeof LANGUAGE_CODES) => LANGUAGE_CODES[language] * 2 ** 44;
  test("are the keys stored by earlier versions plus the language the migration added, for word pairs and for texts of fewer than three words", () => {
    const item = {
      language: "ca" as const,
      instruction: "Explica per què el cel és blau, amb paraules senzilles.",
      response: "La llum del sol es dispersa en l'atmosfera; el blau, d'ona més curta, es dispersa més que el vermell.",
    };
    const storedBefore = [
      1102723905603, 1105851954427, 1108698673583, 1113566216240, 1120833820128, 1124212369239, 1126417364037, 1130652445405,
      1134712738195, 1138203260445, 1145169332306, 1149441874814, 1153396127838, 1156124413573, 1162317219961, 1167766488008,
      2200290078856, 2204608384574, 2211537159591, 2213293177950, 2218378113587, 2222709893071, 2225386799612, 2229703949220,
      2236436050041, 2239763862734, 2242911118852, 2249251313449, 2254275725411, 2256269323414, 2259479515313, 2264937942970,
    ];
    assert.deepEqual(itemSimilarityKeys(item), storedBefore.map((key) => key + languageOffset("ca")));
    // The figure the migration's SQL wrote for Catalan, so renumbering LANGUAGE_CODES fails here too.
    assert.equal(itemSimilarityKeys(item)[0], 1102723905603 + 2 * 17592186044416);
    const shortStoredBefore = [
      2202537784300, 2207168522974, 2211696819267, 2215984359436, 2220112989866, 2224649573480, 2228860610123, 2232078695104,
      2234581980361, 2241789182726, 2245810760165, 2248067324168, 2254287775639, 2257807861659, 2262874680336, 2264343110792,
    ];
    assert.deepEqual(similarityKeysOf("eu", "response", "Fotosintesia, azaldu!"), shortStoredBefore.map((key) => key + languageOffset("eu")));
    assert.deepEqual(similarityKeysOf("es", "instruction", " ¿? "), []);
  });

  test("differ between languages for the same text, so a lookup never meets another language's texts", () => {
    const text = { instruction: "Hola, ¿qué tal?", response: "Bien, gracias." };
    const es = itemSimilarityKeys({ ...text, language: "es" });
    const gl = itemSimilarityKeys({ ...text, language: "gl" });
    assert.equal(es.length, 32);
    assert.equal(es.filter((key) => gl.includes(key)).length, 0);
    assert.ok(Math.max(...es, ...gl) < Number.MAX_SAFE_INTEGER);
  });
});

test("duplicateKeysOf gives the fingerprint and band keys that itemFingerprint and itemSimilarityKeys give apart", () => {
  const items = [
    { language: "es" as const, instruction: "¿Por qué el cielo es azul?", context: null, response: "Por la dispersión de Rayleigh: la luz azul, de onda más corta, se dispersa más." },
    { language: "eu" as const, instruction: "Zergatik da zerua urdina?", context: "Fisika, DBH 3.", response: "Argi urdina gehiago sakabanatzen delako." },
    { language: "gl" as const, instruction: " ¿? ", response: "Sí." },
  ];
  for (const item of items) {
    assert.deepEqual(duplicateKeysOf(item), { fingerprint: itemFingerprint(item), similarityKeys: itemSimilarityKeys(item) });
  }
  assert.notEqual(duplicateKeysOf(items[0]!).fingerprint, duplicateKeysOf({ ...items[0]!, context: "Física." }).fingerprint);
});
