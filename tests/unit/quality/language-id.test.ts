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

/** A floor for every class or language, with exceptions named: `{ all: 0.9, es: 0.85 }`. */
type Floors = { all: number } & Partial<Record<string, number>>;
const floorOf = (floors: Floors, key: string): number => floors[key] ?? floors.all;

interface EverydaySet {
  name: string;
  file: string;
  /** Fewest lines each class must have, so a set emptied by accident fails. */
  minLines: number;
  overall: number;
  perClass: Floors;
  /** The neighbours' fine-grained codes and the share of their lines that must be `other`. */
  neighboursAsOther: Record<string, number>;
  /** Share of each of the four languages' lines recognised at the blocking confidence. */
  blocking: Floors;
  /** Most of the four languages' lines given another verdict at that confidence, and blocked in their own items. */
  confidentlyWrong: number;
  /** Share of each class's lines the submit check blocks in items of another language. */
  caught: Floors;
}

// The goals: 97 % overall and 95 % per class on 20–400 characters, 94 % and 90 % on 20–80; neighbours 90 % `other`
// each; 90 % of each language's lines at blocking confidence; at most 0.3 % confidently wrong. A floor under a goal
// holds what this model does instead of pretending, and the comment beside it says so.
const EVERYDAY_SETS: EverydaySet[] = [
  // Under the goal: Aragonese (88 of 100). The check catches Catalan least (96.3 %).
  {
    name: "register set (20–400 characters)", file: "register.jsonl", minLines: 300, overall: 0.97, perClass: { all: 0.95 },
    neighboursAsOther: { ast: 0.85, an: 0.85, oc: 0.85 }, blocking: { all: 0.9 }, confidentlyWrong: 0.003, caught: { all: 0.95 },
  },
  // Under the goal: the blocking power of short Catalan and Galician lines (87.6 % and 85.2 %, most of the rest 20–40
  // characters long); the check still catches 91.5 % of the Catalan ones in other languages' items.
  {
    name: "short set (20–80 characters)", file: "short.jsonl", minLines: 200, overall: 0.94, perClass: { all: 0.9 },
    neighboursAsOther: { ast: 0.9, an: 0.9, oc: 0.9 }, blocking: { all: 0.84 }, confidentlyWrong: 0.003, caught: { all: 0.9 },
  },
  // Everyday lines of today written by a person for escriba (the register and short sets' Galician is Apertium
  // output and their Spanish the 1909 Bible), used to choose nothing. The model before Common Voice's sentences had
  // Spanish at blocking confidence in 89.1 % of them, pulled towards Asturian ("Mañana nos vamos de excursión a la
  // playa.": Spanish 0.54, Asturian 0.46); this one 94.5 %, and Galician 92.5 %.
  {
    name: "lines written for escriba", file: "written.jsonl", minLines: 40, overall: 0.97, perClass: { all: 0.95 },
    neighboursAsOther: { pt: 0.95 }, blocking: { all: 0.9 }, confidentlyWrong: 0, caught: { all: 0.9 },
  },
  // Sentences people proposed for Common Voice (CC0), sampled by position from its sentence files: dialogue, sayings,
  // novels, headlines, commands, neither documentation nor the Bible (a few are machine translations from Catalan that
  // people reviewed; SOURCES.md). Under the goal: Portuguese, Asturian, Aragonese and Occitan together 94.85 %
  // `other`, Aragonese 48 of 56, Spanish at blocking confidence 86.3 %, and the check stops 89.9 % of the Spanish
  // lines in items of another language.
  {
    name: "Common Voice sentences", file: "voice.jsonl", minLines: 250, overall: 0.97, perClass: { all: 0.95, other: 0.94 },
    neighboursAsOther: { pt: 0.95, ast: 0.9, an: 0.85, oc: 0.9 }, blocking: { all: 0.9, es: 0.85 }, confidentlyWrong: 0.003,
    caught: { all: 0.89 },
  },
];

for (const set of EVERYDAY_SETS) {
  test(`${set.name}: ≥ ${set.overall * 100} % overall, every class at its floor`, () => {
    const rows = fixture(set.file);
    for (const c of CLASSES) assert.ok(rows.filter((r) => r.language === c).length >= set.minLines, `too few ${c} lines`);
    const result = evaluate(rows, (text) => identifyLanguage(text).language);
    assert.ok(result.overall >= set.overall, `overall ${result.overall}`);
    for (const c of CLASSES) assert.ok(result.perClass[c] >= floorOf(set.perClass, c), `${c}: ${result.perClass[c]}`);
  });

  test(`${set.name}: ${Object.keys(set.neighboursAsOther).join(", ")} are recognised as other`, () => {
    const rows = fixture(set.file);
    for (const [language, floor] of Object.entries(set.neighboursAsOther)) {
      const share = neighbourAsOther(rows, language);
      assert.ok(share >= floor, `${language}: ${share}`);
    }
  });

  test(`${set.name}: each language's lines reach the blocking confidence, ≤ ${set.confidentlyWrong * 100} % are confidently wrong`, () => {
    const power = blockingPower(fixture(set.file), identifyLanguage, LANGUAGE_MISMATCH_MIN_CONFIDENCE);
    assert.deepEqual(Object.keys(power.confidentRight).sort(), ["ca", "es", "eu", "gl"]);
    for (const [language, share] of Object.entries(power.confidentRight)) assert.ok(share >= floorOf(set.blocking, language), `${language}: ${share}`);
    assert.ok(power.confidentlyWrong <= set.confidentlyWrong, `confidently wrong: ${power.confidentlyWrong}`);
  });

  test(`${set.name}: the submit check blocks each class's lines in items of another, ≤ ${set.confidentlyWrong * 100} % in their own`, () => {
    const rate = catchRate(fixture(set.file), identifyLanguage);
    assert.deepEqual(Object.keys(rate.caught).sort(), ["ca", "es", "eu", "gl", "other"]);
    for (const [language, share] of Object.entries(rate.caught)) assert.ok(share >= floorOf(set.caught, language), `caught ${language}: ${share}`);
    assert.ok(rate.falseBlocks <= set.confidentlyWrong, `blocked in their own language's items: ${rate.falseBlocks}`);
  });
}

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
