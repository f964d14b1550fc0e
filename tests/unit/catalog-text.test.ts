// The all-pages test's language check (tests/support/catalog-text.ts) must be able to fail: English or raw server
// text on a Basque page is named, while Basque catalog text, Basque dates and typed data pass.
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogTextChecker } from "@/tests/support/catalog-text";

const typed = new Set(["Txema Etxeberria", "Explica por que o ceo é azul."]);
const isData = async (text: string) => [...typed].some((data) => data.includes(text));

test("a Basque page: Basque catalog text, Basque dates, identifiers and typed data pass", async () => {
  const basque = catalogTextChecker("eu", isData);
  for (const text of ["Nire lana", "2026(e)ko abenduaren 1(a)", "train.parquet", "1.2.0", "Txema Etxeberria", "12 %"]) {
    assert.equal(await basque.known(text), true, text);
  }
});

test("a Basque page: English catalog text, an English server message and the other Basque date format are named", async () => {
  const basque = catalogTextChecker("eu", isData);
  for (const text of ["My work", "Download", "Invalid input: expected number, received null", "2026 M12 1 06:49", "Galician · Open question"]) {
    assert.equal(await basque.known(text), false, text);
  }
});

test("arguments are checked too: a message's pattern does not let foreign words through its placeholders", async () => {
  const spanish = catalogTextChecker("es", isData);
  assert.equal(await spanish.known("Escribes en: castellano, gallego."), true);
  assert.equal(await spanish.known("Escribes en: Spanish, Galician."), false);
});

test("a message of arguments and punctuation only checks each argument: a status with its count", async () => {
  const basque = catalogTextChecker("eu", isData);
  assert.equal(await basque.known("Onartua (3)"), true);
  assert.equal(await basque.known("Approved (3)"), false);
  assert.equal(await basque.known("(3)"), true);
  // "{option}: {meaning}": a colon is the message's own text too.
  const spanish = catalogTextChecker("es", isData);
  assert.equal(await spanish.known("1 de 5: Confusa o no es una tarea"), true);
  assert.equal(await spanish.known("1 de 5: Unclear or not a task"), false);
});

test("a fact joined to its neighbour by ' · ' inside one text node is judged without the joiner", async () => {
  const basque = catalogTextChecker("eu", isData);
  assert.equal(await basque.known("· Nire lana"), true);
  assert.equal(await basque.known("· My work"), false);
});
