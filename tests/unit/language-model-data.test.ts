// The language model's everyday-register data: how old Spanish spelling is brought to today's, which lines count
// as lines of a language, and how Spanish addressed as "tú" is put in voseo. Both decide what the model learns and what the register sets hold.
import { test } from "node:test";
import assert from "node:assert/strict";
import { modernSpanishSpelling } from "../../scripts/language-model/register-sources";
import { registerLinesOf } from "../../scripts/language-model/register-data";
import { voseoImperative, voseoPresent } from "../../scripts/language-model/voseo";

test("the 1909 accents on one-letter words and on fue/dio/vio go, other accents stay", () => {
  assert.equal(
    modernSpanishSpelling("Y fué y se llegó á uno de los ciudadanos, é iré á mi padre; y dió gracias, y vió que era bueno."),
    "Y fue y se llegó a uno de los ciudadanos, e iré a mi padre; y dio gracias, y vio que era bueno.",
  );
  assert.equal(modernSpanishSpelling("Él dijo que sí, y ó tú ó él."), "Él dijo que sí, y o tú o él.");
});

test("a chapter's first word in capitals is written as a word", () => {
  assert.equal(modernSpanishSpelling("EN el principio crió Dios los cielos y la tierra."), "En el principio crió Dios los cielos y la tierra.");
  // Not an acronym in the middle of a verse, nor a word in capitals followed by another.
  assert.equal(modernSpanishSpelling("Y dijo: YO SOY EL QUE SOY."), "Y dijo: YO SOY EL QUE SOY.");
});

test("lists of names and titles are no lines of a language; sentences are", () => {
  assert.deepEqual(registerLinesOf("Pelatías, Hanán, Anaías, Oseas, Ananías,"), []);
  assert.deepEqual(registerLinesOf("Televisión Dixital Terrestre Galega"), []);
  assert.deepEqual(registerLinesOf("El duc Aholibama, el duc Ela, el duc Pinón,"), ["El duc Aholibama, el duc Ela, el duc Pinón,"]);
  assert.deepEqual(registerLinesOf("Anem a la platja aquesta tarda?"), ["Anem a la platja aquesta tarda?"]);
  assert.deepEqual(registerLinesOf("Massa curt."), []);
});

test("voseo forms are made from the infinitive: stressed on the theme vowel, irregular only in ser, ir and haber", () => {
  assert.deepEqual(["tener", "querer", "poder", "vivir", "reír", "estar", "ser", "ir", "haber"].map(voseoPresent),
    ["tenés", "querés", "podés", "vivís", "reís", "estás", "sos", "vas", "has"]);
  // A verb whose stem has no vowel has one syllable, and the same form as with "tú".
  assert.equal(voseoPresent("dar"), undefined);
  assert.equal(voseoPresent("ver"), undefined);
  assert.equal(voseoImperative("venir", []), "vení");
  assert.equal(voseoImperative("ser", []), "sé");
  // The accent goes with one pronoun (the stress falls on the last but one) and comes back with two.
  assert.equal(voseoImperative("decir", ["me"]), "decime");
  assert.equal(voseoImperative("decir", ["me", "lo"]), "decímelo");
  assert.equal(voseoImperative("sentar", ["te"]), "sentate");
  assert.equal(voseoImperative("ir", ["te"]), "andate");
});
