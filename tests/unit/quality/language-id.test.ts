// Language identification: real sentences of each language and its neighbours, short-text caution, and the
// accuracy on the held-out evaluation set.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { identifyLanguage } from "../../../lib/quality/language";
import { CLASSES, evaluate, readEvalSet } from "../../../scripts/language-model/eval-report";

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
  for (const text of ["", "   \n\t "]) assert.deepEqual(identifyLanguage(text), { language: "other", confidence: 0 });
});

test("short or ambiguous text gets a low confidence", () => {
  for (const text of ["OK", "12345 678", "sí", "Taxi", "3.14"]) {
    const guess = identifyLanguage(text);
    assert.ok(guess.confidence < 0.5, `${JSON.stringify(text)} got ${guess.language} at ${guess.confidence}`);
  }
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
