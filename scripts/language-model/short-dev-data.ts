// Builds the short development set (20–80 characters) for tuning how the identifier treats short lines, from the
// development material only: the development documents of the everyday register and their translations
// (dev-register.jsonl) and, for Basque, the development documentation sentences (dev.jsonl). Never from the
// evaluation sets.
//
// Run after register-data.ts: node --import tsx scripts/language-model/short-dev-data.ts
// Writes TRAIN_DIR/dev-short.jsonl in the evaluation sets' format, so evaluate.ts and build.ts read it alike.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { toDetected, type ModelLanguage } from "../../lib/quality/language/languages";
import { looksEnglish, TRAIN_DIR } from "./prepare-data";
import { registerLinesOf } from "./register-data";
import { seededShuffle } from "./sampling";

/** Lines per fine-grained language at most, so the richest development files (ca, oc, de) do not dominate. */
const MAX_PER_LANGUAGE = 750;

interface DevRow {
  text: string;
  language: ModelLanguage;
}

function readDev(name: string): DevRow[] {
  return readFileSync(join(TRAIN_DIR, name), "utf8").trim().split("\n").map((line) => JSON.parse(line) as DevRow);
}

function main(): void {
  // The short evaluation set keeps register lines of 20–80 characters, and Basque documentation sentences of at
  // most 80 (the documentation sentences are 40 or more): the same cuts here, and the same plain word test that
  // drops lines in English from the other languages' sets (Apertium leaves unknown English words untranslated).
  const register = readDev("dev-register.jsonl")
    .filter((r) => r.text.length >= 20 && r.text.length <= 80)
    .filter((r) => r.language === "en" || !looksEnglish(r.text));
  const basque = readDev("dev.jsonl")
    .filter((r) => r.language === "eu" && r.text.length >= 40 && r.text.length <= 80)
    .filter((r) => registerLinesOf(r.text).length === 1);
  const byLanguage = new Map<ModelLanguage, DevRow[]>();
  for (const row of [...register, ...basque]) byLanguage.set(row.language, [...(byLanguage.get(row.language) ?? []), row]);
  const rows: string[] = [];
  for (const [language, lines] of byLanguage) {
    const picked = seededShuffle(lines, 20261202).slice(0, MAX_PER_LANGUAGE);
    console.log(`dev-short ${language}: ${picked.length} of ${lines.length}`);
    const source = language === "eu" ? "libreoffice-help-dev" : "register-dev";
    rows.push(...picked.map((r) => JSON.stringify({ text: r.text, language: toDetected(r.language), source: `${source}/${language}` })));
  }
  writeFileSync(join(TRAIN_DIR, "dev-short.jsonl"), rows.join("\n") + "\n");
}

main();
