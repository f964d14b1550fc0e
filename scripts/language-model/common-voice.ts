// Sentences people wrote or chose for Common Voice (Mozilla's voice collection; the sentences are CC0), copied from
// the project's public sentence files into common-voice/<file>.txt: every language of the model's neighbourhood in
// text that is neither documentation nor a Bible (though some Spanish and Portuguese lines are machine translations
// from Catalan that people reviewed). Each copy is a sample of its source file taken by position, not by content: B
// blocks at evenly spaced offsets (B = 24, or fewer for files under 384,000 characters), the first 60 complete lines of
// each (the header line of each block says which commit, offset and size). The copies were made by hand through a
// read-only file viewer and may hold the odd copying slip.
//
// Blocks go whole to one split by their number: 0, 4, 8… evaluation; 2, 6, 10… development; the rest training.
// Files with fewer than 8 blocks (Aragonese, Asturian, the small Basque file) go wholly to evaluation. The training
// blocks were copied again whole (train-<language>.txt: every line of the 16,000 characters read, not the first 60).
// Copied for training alone: Asturian's three other small files (train-ast.txt, "Frases"; train-ast-*.txt) and the
// Spanish sentences of the sentence collector's JSON export, every other block of 250, approved records only
// (train-es-json.txt; about half of them are also lines of the text file). A training line that is also an
// evaluation or development line (sayings recur) is dropped, and so are the Portuguese file's Catalan lines
// (isMislabelledPortuguese).
//
// Run: node --import tsx scripts/language-model/common-voice.ts
// Writes tests/fixtures/language-id/voice.jsonl (evaluation, 20–400 characters, lines in English dropped as in the
// other sets) and, for the model build, TRAIN_DIR/dev-voice.jsonl and TRAIN_DIR/voice/<language>.txt.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { toDetected, type ModelLanguage } from "../../lib/quality/language/languages";
import { acceptsAll, judgedWords, rejectedWords } from "./dictionary";
import { lineKey, looksEnglish, TRAIN_DIR } from "./prepare-data";

const HERE = join(import.meta.dirname ?? __dirname, "common-voice");
const FIXTURES = join(import.meta.dirname ?? __dirname, "../../tests/fixtures/language-id");

type Split = "train" | "dev" | "eval";

interface VoiceLine {
  text: string;
  language: ModelLanguage;
  /** The copy it comes from: "sentence-collector" or "argia" (Basque). */
  file: string;
  split: Split;
}

/** The copies: file name → language and the source file's name. */
const COPIES: Record<string, { language: ModelLanguage; file: string; training?: true }> = {
  "es.txt": { language: "es", file: "sentence-collector" },
  "ca.txt": { language: "ca", file: "sentence-collector" },
  "gl.txt": { language: "gl", file: "sentence-collector" },
  "eu.txt": { language: "eu", file: "sentence-collector" },
  "eu-argia.txt": { language: "eu", file: "argia" },
  "pt.txt": { language: "pt", file: "sentence-collector" },
  "ast.txt": { language: "ast", file: "sentence-collector" },
  "an.txt": { language: "an", file: "sentence-collector" },
  "oc.txt": { language: "oc", file: "sentence-collector" },
  "train-es.txt": { language: "es", file: "sentence-collector", training: true },
  "train-ca.txt": { language: "ca", file: "sentence-collector", training: true },
  "train-gl.txt": { language: "gl", file: "sentence-collector", training: true },
  "train-pt.txt": { language: "pt", file: "sentence-collector", training: true },
  "train-oc.txt": { language: "oc", file: "sentence-collector", training: true },
  "train-ast.txt": { language: "ast", file: "Frases", training: true },
  "train-es-json.txt": { language: "es", file: "sentence-collector.json", training: true },
  "train-ast-mecigayu.txt": { language: "ast", file: "Mecigayu_en", training: true },
  "train-ast-cosadielles.txt": { language: "ast", file: "Cosadielles", training: true },
};

function splitOf(block: number, blocks: number): Split {
  if (blocks < 8 || block % 4 === 0) return "eval";
  return block % 4 === 2 ? "dev" : "train";
}

function voiceLines(): VoiceLine[] {
  const lines: VoiceLine[] = [];
  for (const [name, { language, file, training }] of Object.entries(COPIES)) {
    const text = readFileSync(join(HERE, name), "utf8");
    const blocks = Number(/ blocks (\d+)/.exec(text.slice(0, text.indexOf("\n")))?.[1]);
    if (!blocks) throw new Error(`${name}: no block count in the header`);
    let block = -1;
    for (const line of text.split("\n").slice(1)) {
      const header = /^### block (\d+) /.exec(line);
      if (header) block = Number(header[1]);
      else if (line.trim()) lines.push({ text: line.trim(), language, file, split: training ? "train" : splitOf(block, blocks) });
    }
  }
  return lines;
}

/**
 * The Portuguese collection holds Catalan: sayings and "Venim de <town>." templates, left untranslated or half
 * translated (35 of the 4,221 training lines copied; 2 % of a larger sample). Learnt as Portuguese they would teach the
 * model Catalan as `other`, so a training line of that file is dropped when Debian's Portuguese dictionaries reject a
 * word of it and the Catalan or the Spanish one accepts them all (dictionary.ts: a judge other than our model).
 * Evaluation and development lines are left as they are, mislabelled ones included. The other files have no such
 * share (by the same test against the other languages' dictionaries, 1–2 dozen lines in thousands, mostly names).
 */
function isMislabelledPortuguese(lines: readonly VoiceLine[]): (line: VoiceLine) => boolean {
  const judgedOf = new Map(lines.filter((line) => line.language === "pt").map((line) => [line.text, judgedWords(line.text)]));
  const words = [...judgedOf.values()].flat();
  const rejectedBy = {
    pt: rejectedWords(words, "pt_PT,pt_BR"),
    ca: rejectedWords(words, "ca"),
    es: rejectedWords(words, "es_ES"),
  };
  return (line) => {
    if (line.language !== "pt") return false;
    const judged = judgedOf.get(line.text) ?? judgedWords(line.text);
    return judged.length > 0 && !acceptsAll(judged, rejectedBy.pt) && (acceptsAll(judged, rejectedBy.ca) || acceptsAll(judged, rejectedBy.es));
  };
}

function main(): void {
  const lines = voiceLines();
  const inRegister = (line: VoiceLine) => line.text.length >= 20 && line.text.length <= 400 && !looksEnglish(line.text);
  const row = (line: VoiceLine) =>
    JSON.stringify({ text: line.text, language: toDetected(line.language), source: `common-voice/${line.file}/${line.language}` });
  const evaluation = lines.filter((line) => line.split === "eval" && inRegister(line));
  writeFileSync(join(FIXTURES, "voice.jsonl"), evaluation.map(row).join("\n") + "\n");
  mkdirSync(TRAIN_DIR, { recursive: true });
  const development = lines.filter((line) => line.split === "dev" && inRegister(line));
  writeFileSync(join(TRAIN_DIR, "dev-voice.jsonl"), development.map(row).join("\n") + "\n");
  const heldOut = new Set([...evaluation, ...development].map((line) => lineKey(line.text)));
  const mislabelled = isMislabelledPortuguese(lines.filter((line) => line.split === "train"));
  const training = new Map<ModelLanguage, Set<string>>();
  let dropped = 0;
  for (const line of lines) {
    if (line.split !== "train" || heldOut.has(lineKey(line.text)) || looksEnglish(line.text)) continue;
    if (mislabelled(line)) {
      dropped++;
      continue;
    }
    training.set(line.language, (training.get(line.language) ?? new Set()).add(line.text));
  }
  mkdirSync(join(TRAIN_DIR, "voice"), { recursive: true });
  for (const [language, texts] of training) writeFileSync(join(TRAIN_DIR, "voice", `${language}.txt`), [...texts].join("\n") + "\n");
  const counts = (rows: VoiceLine[]) => {
    const perLanguage = new Map<string, number>();
    for (const line of rows) perLanguage.set(line.language, (perLanguage.get(line.language) ?? 0) + 1);
    return [...perLanguage].map(([language, count]) => `${language} ${count}`).join(", ");
  };
  console.log(`evaluation: ${evaluation.length} lines (${counts(evaluation)})`);
  console.log(`development: ${development.length} lines (${counts(development)})`);
  console.log(`training: ${dropped} lines of the Portuguese file dropped as Catalan or Spanish; ${[...training].map(([language, texts]) => `${language} ${texts.size} lines, ${[...texts].join("\n").length} characters`).join("; ")}`);
}

if (process.argv[1]?.endsWith("common-voice.ts")) main();
