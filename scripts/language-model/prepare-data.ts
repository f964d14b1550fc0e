// Splits the raw text into a training corpus (kept outside the repo) and the held-out evaluation set (committed).
//
// Run: node --import tsx scripts/language-model/prepare-data.ts
// Training: LibreOffice help minus the Impress/Draw/Chart/Math modules, Occitan hunspell stems; the everyday register's
// texts and their Apertium translations are split into training, development and evaluation by register-data.ts.
// Evaluation: the held-out LibreOffice modules, GNOME user help, the Debian installation guide and the UDHR:
// other documents, and mostly other sources; no evaluation sentence occurs anywhere in the training text.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  gnomeHelp, hunspellWords, installationGuide, libreOfficeHelp, sentencesOf, udhr, type Passage,
} from "./raw-text";
import { hashOf, seededShuffle } from "./sampling";
import { MODEL_LANGUAGES, toDetected, type ModelLanguage } from "../../lib/quality/language/languages";

export const TRAIN_DIR = process.env.TRAIN_DIR ?? "/work/scratch-langid/train";
const EVAL_FILE = join(import.meta.dirname ?? __dirname, "../../tests/fixtures/language-id/eval.jsonl");

const HELD_OUT_MODULES = /^libreoffice-help:text\/(simpress|sdraw|schart|smath)\//;

const LIBREOFFICE: Record<ModelLanguage, string[]> = {
  es: ["es"], ca: ["ca", "ca-valencia"], eu: ["eu"], gl: ["gl"], pt: ["pt", "pt-BR"],
  fr: ["fr"], it: ["it"], en: ["en-US"], de: ["de"], oc: [], ast: [], an: [],
};
const GNOME: Partial<Record<ModelLanguage, string[]>> = {
  es: ["es"], ca: ["ca"], gl: ["gl"], pt: ["pt", "pt_BR"], fr: ["fr"], it: ["it"], de: ["de"], en: ["C"],
};
const INSTALL_GUIDE: Partial<Record<ModelLanguage, string[]>> = {
  es: ["es"], ca: ["ca"], pt: ["pt"], fr: ["fr"], it: ["it"], de: ["de"], en: ["en"],
};
const UDHR: Record<ModelLanguage, string[]> = {
  es: ["spa"], ca: ["cat"], eu: ["eus"], gl: ["glg"], pt: ["por_PT", "por_BR"], fr: ["fra"], it: ["ita"],
  en: ["eng"], de: ["deu_1996"], oc: ["lnc", "prv", "auv"], ast: [], an: [],
};

/** How many evaluation sentences to draw per language and source, so no single source dominates a class. */
const EVAL_QUOTA: Record<ModelLanguage, number> = {
  es: 300, ca: 300, eu: 900, gl: 450, pt: 200, fr: 70, it: 70, en: 60, de: 60, oc: 400, ast: 0, an: 0,
};

/**
 * Translated help keeps some paragraphs in English (outdated translations don't match the current English page).
 * Labels must be right, so a sentence of a non-English source with two or more distinct English function words
 * is dropped. This is a plain word test, independent of the model being evaluated.
 */
const ENGLISH_MARKERS = new Set(["the", "and", "you", "your", "with", "this", "that", "will", "click", "press", "of", "to", "is", "title",
  "for", "can", "are", "not", "be", "which", "when"]);
export function looksEnglish(text: string): boolean {
  const found = new Set(text.toLowerCase().split(/[^a-z]+/).filter((w) => ENGLISH_MARKERS.has(w)));
  return found.size >= 2;
}

/** Lines that differ only in case, punctuation or spacing are the same line: what keeps held-out text out of training. */
export const lineKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

function main(): void {
  const train: Passage[] = [];
  const evalPool: Passage[] = [];
  for (const language of MODEL_LANGUAGES) {
    for (const folder of LIBREOFFICE[language]) {
      for (const p of libreOfficeHelp(language, folder)) (HELD_OUT_MODULES.test(p.document) ? evalPool : train).push(p);
    }
    for (const folder of GNOME[language] ?? []) evalPool.push(...gnomeHelp(language, folder));
    for (const folder of INSTALL_GUIDE[language] ?? []) evalPool.push(...installationGuide(language, folder));
    for (const code of UDHR[language]) evalPool.push(...udhr(language, code));
  }

  mkdirSync(TRAIN_DIR, { recursive: true });
  const trainKeys = new Set<string>();
  // A twentieth of the training documents is set aside as a development set for tuning, so the evaluation
  // set is never used to choose parameters.
  const isDev = (p: Passage) => p.source === "libreoffice-help" && hashOf(p.document) % 20 === 0;
  const dev = train.filter(isDev).flatMap((p) => sentencesOf(p.text).map((text) => ({ text, language: p.language })));
  for (const row of dev) trainKeys.add(lineKey(row.text));
  writeFileSync(join(TRAIN_DIR, "dev.jsonl"), dev.map((row) => JSON.stringify(row)).join("\n") + "\n");
  for (const language of MODEL_LANGUAGES) {
    const lines = train.filter((p) => p.language === language && !isDev(p)).map((p) => p.text);
    // No Debian package found carries Occitan running text (the GNOME manuals under help/oc are untranslated),
    // so Occitan is learnt from the stems of its hunspell dictionary: weaker, but it pulls Occitan off Catalan.
    if (language === "oc") lines.push(...hunspellWords("oc_FR.dic"));
    for (const line of lines) {
      trainKeys.add(lineKey(line));
      for (const s of sentencesOf(line)) trainKeys.add(lineKey(s));
    }
    writeFileSync(join(TRAIN_DIR, `${language}.txt`), lines.join("\n") + "\n");
    console.log(`train ${language}: ${lines.length} passages, ${lines.join(" ").length} chars`);
  }

  const bySource = new Map<string, { text: string; language: ModelLanguage; source: string }[]>();
  const seen = new Set<string>();
  for (const p of evalPool) {
    for (const text of sentencesOf(p.text)) {
      const k = lineKey(text);
      if (trainKeys.has(k) || seen.has(k) || (p.language !== "en" && looksEnglish(text))) continue;
      seen.add(k);
      const source = p.source.replace(/:.*/, "");
      const group = `${p.language}|${source}`;
      const list = bySource.get(group) ?? [];
      list.push({ text, language: p.language as ModelLanguage, source });
      bySource.set(group, list);
    }
  }
  const rows: string[] = [];
  for (const [group, list] of [...bySource.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const language = group.split("|")[0] as ModelLanguage;
    const picked = seededShuffle(list, 20261122).slice(0, EVAL_QUOTA[language]);
    console.log(`eval ${group}: ${picked.length} of ${list.length}`);
    for (const row of picked) {
      rows.push(JSON.stringify({ text: row.text, language: toDetected(row.language), source: `${row.source}/${row.language}` }));
    }
  }
  mkdirSync(join(EVAL_FILE, ".."), { recursive: true });
  writeFileSync(EVAL_FILE, rows.join("\n") + "\n");
  console.log(`eval rows: ${rows.length} -> ${EVAL_FILE}`);
}

if (process.argv[1]?.endsWith("prepare-data.ts")) main();
