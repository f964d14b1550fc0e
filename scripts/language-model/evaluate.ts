// Prints per-class accuracy, overall accuracy and the confusion matrix of the identifier on the evaluation set,
// and the same for cld3 (cld3-asm) when it is installed, for comparison.
//
// Run: node --import tsx scripts/language-model/evaluate.ts [path/to/eval.jsonl]
// cld3-asm is not a dependency of escriba; point CLD3_ASM at an installed copy (its package folder) to compare.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { identifyLanguage } from "../../lib/quality/language";
import { hasLettersForLanguageCheck, LANGUAGE_CHECK_MIN_LETTERS, LANGUAGE_MISMATCH_MIN_CONFIDENCE } from "../../lib/quality/check-item";
import { blockingPower, catchRate, evaluate, fineLanguageOf, formatReport, readEvalSet, type BlockingPower, type CatchRate, type Classifier } from "./eval-report";

const file = process.argv[2] ?? join(import.meta.dirname ?? __dirname, "../../tests/fixtures/language-id/eval.jsonl");
const rows = readEvalSet(readFileSync(file, "utf8"));

identifyLanguage("warm-up");
const started = performance.now();
const ours = evaluate(rows, (text) => identifyLanguage(text).language);
const elapsed = performance.now() - started;
console.log(`escriba identifier on ${rows.length} sentences (${file})`);
console.log(formatReport(ours));
const formatPower = ({ confidentRight, confidentlyWrong }: BlockingPower) =>
  `${Object.entries(confidentRight).map(([language, share]) => `${language} ${(100 * share).toFixed(1)} %`).join(", ")}; ` +
  `confidently wrong: ${(100 * confidentlyWrong).toFixed(2)} %`;
console.log(`blocking power (confidence ≥ ${LANGUAGE_MISMATCH_MIN_CONFIDENCE}, right): ${formatPower(blockingPower(rows, identifyLanguage, LANGUAGE_MISMATCH_MIN_CONFIDENCE))}`);
// The submit check never blocks a field with fewer letters than LANGUAGE_CHECK_MIN_LETTERS, whatever the confidence.
const checkable = rows.filter((row) => hasLettersForLanguageCheck(row.text));
console.log(`the same on the ${checkable.length} lines of ≥ ${LANGUAGE_CHECK_MIN_LETTERS} letters, the only ones the submit check may block: ${
  formatPower(blockingPower(checkable, identifyLanguage, LANGUAGE_MISMATCH_MIN_CONFIDENCE))}`);
// What the submit check does: each line in an item of each of the four languages. "Without ruling out" is the check
// before it also blocked when the item's language is all but ruled out (LANGUAGE_RULED_OUT_MIN_CONFIDENCE).
const formatCatch = ({ caught, falseBlocks }: CatchRate) =>
  `${Object.entries(caught).map(([language, share]) => `${language} ${(100 * share).toFixed(1)} %`).join(", ")}; ` +
  `blocked in their own language's items: ${(100 * falseBlocks).toFixed(2)} %`;
console.log(`the submit check, lines blocked in items of a language they are not in: ${formatCatch(catchRate(rows, identifyLanguage))}`);
console.log(`  the same without ruling out: ${formatCatch(catchRate(rows, (text) => {
  const { confidenceNotIn: _, ...guess } = identifyLanguage(text);
  return guess;
}))}`);
const fine = new Map<string, [number, number]>();
for (const row of rows.filter((r) => r.language === "other")) {
  const language = fineLanguageOf(row.source);
  const [asOther, total] = fine.get(language) ?? [0, 0];
  fine.set(language, [asOther + (identifyLanguage(row.text).language === "other" ? 1 : 0), total + 1]);
}
console.log(`"other" lines recognised as other: ${[...fine].map(([language, [a, n]]) => `${language} ${a}/${n}`).join(", ")}`);
console.log(`throughput: ${Math.round(rows.length / (elapsed / 1000))} sentences/s (${((1000 * elapsed) / rows.length).toFixed(1)} µs each)\n`);

async function cld3(): Promise<Classifier | undefined> {
  try {
    const moduleName = process.env.CLD3_ASM ?? "cld3-asm";
    const { loadModule } = (await import(moduleName)) as {
      loadModule: () => Promise<{ create: (min: number, max: number) => { findLanguage: (t: string) => { language: string } } }>;
    };
    const identifier = (await loadModule()).create(0, 1000);
    return (text) => {
      const code = identifier.findLanguage(text).language;
      return code === "es" || code === "ca" || code === "eu" || code === "gl" ? code : "other";
    };
  } catch {
    return undefined;
  }
}

void cld3().then((classify) => {
  if (!classify) return console.log("cld3-asm is not installed: no comparison.");
  console.log("cld3 (cld3-asm) on the same sentences");
  console.log(formatReport(evaluate(rows, classify)));
});
