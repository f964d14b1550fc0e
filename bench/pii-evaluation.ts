// Scores the PII detector on a held-out set of sentences written as people write them (prints, never asserts).
// Usage: node --import tsx bench/pii-evaluation.ts [bench/data/pii-eval.jsonl] [--errors]
// Each line: {"language", "text", "pii": [{"type", "value", "obfuscated"?}]}; an empty list is a near miss.
import { readFileSync } from "node:fs";
import { findPii } from "@/lib/quality/pii";
import { PII_TYPES } from "@/lib/vocabulary";

interface Expected {
  type: string;
  value: string;
  obfuscated?: boolean;
}
interface Sentence {
  language: string;
  text: string;
  pii: Expected[];
}

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith("--")) ?? "bench/data/pii-eval.jsonl";
const showErrors = args.includes("--errors");
const sentences: Sentence[] = readFileSync(file, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Sentence);

// Rows: every type, and the spelled-out e-mails on their own as well.
const ROWS = [...PII_TYPES, "email (spelled out)"];
const counts = new Map(ROWS.map((row) => [row, { tp: 0, fp: 0, fn: 0 }]));
const rowsOf = (type: string, obfuscated: boolean | undefined) => (obfuscated ? [type, "email (spelled out)"] : [type]);
const sentenceLevel = { tp: 0, fp: 0, fn: 0, tn: 0, exact: 0 };
const errors: string[] = [];

for (const sentence of sentences) {
  const found = findPii(sentence.text).map((m) => ({ type: m.type as string, value: sentence.text.slice(m.start, m.end), obfuscated: m.obfuscated }));
  // A finding counts when it has the expected type and exactly the expected text: a span short of what a person
  // would mask is a miss, not a hit.
  const matched = new Set<number>();
  for (const want of sentence.pii) {
    const hit = found.findIndex((got, i) => !matched.has(i) && got.type === want.type && got.value === want.value);
    for (const row of rowsOf(want.type, want.obfuscated)) {
      const count = counts.get(row);
      if (count) count[hit >= 0 ? "tp" : "fn"]++;
    }
    if (hit >= 0) matched.add(hit);
    else errors.push(`missed ${want.type} "${want.value}" in: ${sentence.text}`);
  }
  found.forEach((got, i) => {
    if (matched.has(i)) return;
    for (const row of rowsOf(got.type, got.obfuscated)) {
      const count = counts.get(row);
      if (count) count.fp++;
    }
    errors.push(`false ${got.type} "${got.value}" in: ${sentence.text}`);
  });
  const positive = sentence.pii.length > 0;
  const flagged = found.length > 0;
  if (positive && flagged) sentenceLevel.tp++;
  else if (!positive && flagged) sentenceLevel.fp++;
  else if (positive) sentenceLevel.fn++;
  else sentenceLevel.tn++;
  if (matched.size === sentence.pii.length && found.length === sentence.pii.length) sentenceLevel.exact++;
}

const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)} %`);
const positives = sentences.filter((s) => s.pii.length > 0).length;
console.log(`${file}: ${sentences.length} sentences, ${positives} with personal data, ${sentences.length - positives} near misses`);
console.log("| type | expected | found right | false alarms | precision | recall |");
console.log("|---|---|---|---|---|---|");
for (const row of ROWS) {
  const { tp, fp, fn } = counts.get(row) ?? { tp: 0, fp: 0, fn: 0 };
  console.log(`| ${row} | ${tp + fn} | ${tp} | ${fp} | ${percent(tp, tp + fp)} | ${percent(tp, tp + fn)} |`);
}
const { tp, fp, fn, exact } = sentenceLevel;
console.log(
  `| sentences | ${positives} | ${tp} | ${fp} | ${percent(tp, tp + fp)} | ${percent(tp, tp + fn)} |\n` +
    `Sentences where every finding is exactly right (type and span): ${exact} of ${sentences.length} (${percent(exact, sentences.length)}).`,
);
if (showErrors) for (const error of errors) console.log(error);
