// Scores a classifier on the evaluation set: per-class and overall accuracy, and the confusion matrix.
import type { DetectedLanguage, LanguageGuess } from "../../lib/quality/language";
import { blockingMismatchConfidence } from "../../lib/quality/check-item";
import { ITEM_LANGUAGES } from "../../lib/vocabulary";

export const CLASSES: readonly DetectedLanguage[] = ["es", "ca", "eu", "gl", "other"];

export interface EvalRow {
  text: string;
  language: DetectedLanguage;
  source: string;
}

export type Classifier = (text: string) => DetectedLanguage;

export interface EvalResult {
  overall: number;
  perClass: Record<DetectedLanguage, number>;
  /** confusion[expected][predicted] = count */
  confusion: Record<DetectedLanguage, Record<DetectedLanguage, number>>;
  total: number;
}

/** The fine-grained language a set's row is in (pt, ast, oc…): the end of its source ("…/human/pt"). */
export function fineLanguageOf(source: string): string {
  return source.slice(source.lastIndexOf("/") + 1);
}

export function readEvalSet(jsonl: string): EvalRow[] {
  return jsonl.trim().split("\n").map((line) => JSON.parse(line) as EvalRow);
}

export function evaluate(rows: readonly EvalRow[], classify: Classifier): EvalResult {
  const zero = () => Object.fromEntries(CLASSES.map((c) => [c, 0])) as Record<DetectedLanguage, number>;
  const confusion = Object.fromEntries(CLASSES.map((c) => [c, zero()])) as EvalResult["confusion"];
  let correct = 0;
  for (const row of rows) {
    const predicted = classify(row.text);
    confusion[row.language][predicted] += 1;
    if (predicted === row.language) correct += 1;
  }
  const perClass = zero();
  for (const c of CLASSES) {
    const total = CLASSES.reduce((sum, p) => sum + confusion[c][p], 0);
    perClass[c] = total ? confusion[c][c] / total : 0;
  }
  return { overall: rows.length ? correct / rows.length : 0, perClass, confusion, total: rows.length };
}

export interface BlockingPower {
  /** Per target language: share of its lines recognised as it with at least the blocking confidence. */
  confidentRight: Record<string, number>;
  /** Share of the four languages' lines given another verdict with at least the blocking confidence. */
  confidentlyWrong: number;
}

/** How often the submit check could block a mismatch (right and sure), and how often it would block wrongly. */
export function blockingPower(
  rows: readonly EvalRow[],
  identify: (text: string) => { language: DetectedLanguage; confidence: number },
  threshold: number,
): BlockingPower {
  const right: Record<string, number> = {};
  const totals: Record<string, number> = {};
  let wrong = 0;
  let targets = 0;
  for (const row of rows) {
    if (row.language === "other") continue;
    const guess = identify(row.text);
    targets += 1;
    totals[row.language] = (totals[row.language] ?? 0) + 1;
    if (guess.confidence < threshold) continue;
    if (guess.language === row.language) right[row.language] = (right[row.language] ?? 0) + 1;
    else wrong += 1;
  }
  const confidentRight = Object.fromEntries(Object.entries(totals).map(([language, n]) => [language, (right[language] ?? 0) / n]));
  return { confidentRight, confidentlyWrong: targets ? wrong / targets : 0 };
}

export interface CatchRate {
  /**
   * Per true class (es, ca, eu, gl, other): of the pairs (line, item of one of the four languages it is not in), the
   * share in which the submit check blocks the line as a language mismatch.
   */
  caught: Record<string, number>;
  /** Share of the four languages' lines the submit check blocks in an item of their own language. */
  falseBlocks: number;
}

type Identify = (text: string) => Pick<LanguageGuess, "language" | "confidence"> & Partial<Pick<LanguageGuess, "confidenceNotIn">>;

/**
 * What the submit check does with each line in an item of each of the four languages (the rule itself is
 * blockingMismatchConfidence): how often it stops a line in the wrong language, and how often one in the right.
 */
export function catchRate(rows: readonly EvalRow[], identify: Identify): CatchRate {
  const caught: Record<string, number> = {};
  const pairs: Record<string, number> = {};
  let falseBlocks = 0;
  let targets = 0;
  for (const row of rows) {
    const guess = identify(row.text);
    for (const item of ITEM_LANGUAGES) {
      const blocked = blockingMismatchConfidence(row.text, guess, item, identify) !== undefined;
      if (item === row.language) {
        targets += 1;
        if (blocked) falseBlocks += 1;
        continue;
      }
      pairs[row.language] = (pairs[row.language] ?? 0) + 1;
      if (blocked) caught[row.language] = (caught[row.language] ?? 0) + 1;
    }
  }
  return {
    caught: Object.fromEntries(CLASSES.filter((c) => pairs[c]).map((c) => [c, (caught[c] ?? 0) / pairs[c]!])),
    falseBlocks: targets ? falseBlocks / targets : 0,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

export function formatReport(result: EvalResult): string {
  const lines = [`overall: ${pct(result.overall)} of ${result.total}`];
  for (const c of CLASSES) lines.push(`  ${c.padEnd(6)} ${pct(result.perClass[c])}`);
  lines.push(`confusion (rows expected, columns predicted):`);
  lines.push(`  ${"".padEnd(6)}${CLASSES.map((c) => c.padStart(7)).join("")}`);
  for (const c of CLASSES) {
    lines.push(`  ${c.padEnd(6)}${CLASSES.map((p) => String(result.confusion[c][p]).padStart(7)).join("")}`);
  }
  return lines.join("\n");
}
