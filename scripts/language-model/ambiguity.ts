// How many of the lines the identifier misses are, word for word, correct text of the language it confuses them with,
// judged by a spelling dictionary rather than by our model: lines a reader, too, might take for either language
// (word for word only: the dictionary does not judge grammar).
//
// Run: node --import tsx scripts/language-model/ambiguity.ts <set.jsonl> <language> <dictionary>[,<dictionary>…]
//   e.g. tests/fixtures/language-id/short.jsonl gl pt_PT,pt_BR  or  …/register.jsonl an es_ES
// Several dictionaries act as one: a word passes when any of them has it (pt_PT,pt_BR for both Portuguese spellings).
// <language> is a fine-grained code (the end of each row's source: gl, an, oc…). A line of es, ca, eu or gl is
// missed when it is not recognised as its language with blocking confidence, a neighbour's line when it is not
// taken for `other`. Needs Debian's hunspell and its dictionaries (dictionary.ts). Words in capitals inside a sentence
// are not judged: names belong to no language.
import { readFileSync } from "node:fs";
import { identifyLanguage } from "../../lib/quality/language";
import { toDetected, type ModelLanguage } from "../../lib/quality/language/languages";
import { LANGUAGE_MISMATCH_MIN_CONFIDENCE } from "../../lib/quality/check-item";
import { acceptsAll, judgedWords, rejectedWords } from "./dictionary";
import { fineLanguageOf, readEvalSet } from "./eval-report";

const [file, language, dictionaries] = process.argv.slice(2);
if (!file || !language || !dictionaries) {
  console.error("usage: ambiguity.ts <set.jsonl> <language> <dictionary>[,<dictionary>…]");
  process.exit(2);
}
const rows = readEvalSet(readFileSync(file, "utf8")).filter((row) => fineLanguageOf(row.source) === language);
const expected = toDetected(language as ModelLanguage);
const rejected = rejectedWords(rows.flatMap((row) => judgedWords(row.text)), dictionaries);

const missed = rows.filter((row) => {
  const guess = identifyLanguage(row.text);
  return expected === "other" ? guess.language !== "other" : guess.language !== expected || guess.confidence < LANGUAGE_MISMATCH_MIN_CONFIDENCE;
});
const correctIn = (text: string) => acceptsAll(judgedWords(text), rejected);
const ambiguous = missed.filter((row) => correctIn(row.text));
console.log(`${file}, ${language}: ${rows.length} lines, ${rows.filter((row) => correctIn(row.text)).length} of them correct ${dictionaries} word for word`);
console.log(`missed (${expected === "other" ? "not taken for other" : "not recognised with blocking confidence"}): ${missed.length}; correct ${dictionaries} word for word: ${ambiguous.length}`);
for (const row of ambiguous) console.log(`  ${row.text}`);
