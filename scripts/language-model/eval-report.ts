// Scores a classifier on the evaluation set: per-class and overall accuracy, and the confusion matrix.
import type { DetectedLanguage } from "../../lib/quality/language";

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
