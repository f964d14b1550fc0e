// Builds text in the register annotators write (dialogue, narrative, questions, imperatives, short lines) for
// training, tuning and evaluation, from the human-written text of register-sources.ts and Apertium's offline
// translations of it. No fortune cookies: Debian files them under games (/usr/share/games/fortunes), and the data
// files of games are held out.
//
// Run after prepare-data.ts: node --import tsx scripts/language-model/register-data.ts
// Needs (build machine only, never CI): apt-get install apertium apertium-spa-cat apertium-es-gl apertium-spa-ast \
//   apertium-spa-arg apertium-oc-es apertium-es-pt apertium-oc-ca apertium-arg-cat apertium-por-cat \
//   (and the packages of register-sources.ts)
//
// Every document (a Bible book, a dictionary file, a prompt, a tutorial paragraph) goes whole to training,
// development or evaluation. Spanish and Catalan human lines are translated by Apertium into the other Iberian
// languages, each translation landing in the same split as its original, so no evaluation line shares a source
// sentence with training text. The Spanish training lines addressed as "tú" are added again in voseo (voseo.ts),
// to training only: the development and evaluation sets are as they were before.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Passage } from "./raw-text";
import { asteriskPrompts, bibleVerses, daccoExamples, tutorialParagraphs } from "./register-sources";
import { lineKey, looksEnglish, TRAIN_DIR } from "./prepare-data";
import { toDetected, type ModelLanguage } from "../../lib/quality/language/languages";
import { readEvalSet } from "./eval-report";
import { hashOf, seededShuffle } from "./sampling";
import { toVoseo } from "./voseo";

const FIXTURES = join(import.meta.dirname ?? __dirname, "../../tests/fixtures/language-id");

type Split = "train" | "dev" | "eval";

/** Human-written text per language. */
const HUMAN: Partial<Record<ModelLanguage, () => Passage[]>> = {
  es: () => [...bibleVerses("spaRV1909eb", "es"), ...asteriskPrompts("es"), ...tutorialParagraphs("es")],
  ca: () => [...daccoExamples("ca"), ...tutorialParagraphs("ca")],
  en: () => [...bibleVerses("engWEB2015eb", "en"), ...daccoExamples("en"), ...asteriskPrompts("en"), ...tutorialParagraphs("en")],
  it: () => [...asteriskPrompts("it"), ...tutorialParagraphs("it")],
  fr: () => [...asteriskPrompts("fr"), ...tutorialParagraphs("fr")],
  pt: () => tutorialParagraphs("pt"),
  de: () => tutorialParagraphs("de"),
};

/** A chain of Apertium modes from one human language into another model language. */
interface Translation {
  from: "es" | "ca";
  to: ModelLanguage;
  modes: string[];
}

/** Several varieties where Apertium has them; Galician also from Catalan through Spanish, for everyday lines. */
const TRANSLATIONS: Translation[] = [
  { from: "es", to: "ca", modes: ["spa-cat"] }, { from: "es", to: "ca", modes: ["spa-cat_valencia"] },
  { from: "es", to: "gl", modes: ["es-gl"] }, { from: "es", to: "ast", modes: ["spa-ast"] },
  { from: "es", to: "an", modes: ["spa-arg"] }, { from: "es", to: "oc", modes: ["es-oc"] },
  { from: "es", to: "oc", modes: ["es-oc_aran"] }, { from: "es", to: "pt", modes: ["es-pt"] },
  { from: "ca", to: "es", modes: ["cat-spa"] }, { from: "ca", to: "gl", modes: ["cat-spa", "es-gl"] },
  { from: "ca", to: "oc", modes: ["ca-oc"] }, { from: "ca", to: "an", modes: ["cat-arg"] },
  { from: "ca", to: "pt", modes: ["cat-por"] },
];

/** The human sources translated; not the tutorials, full of key names and commands. */
const TRANSLATED_SOURCES = new Set(["spaRV1909eb", "asterisk-core-sounds", "dacco"]);

/** Characters of a split's human lines translated per chain (evenly spaced, a different share per chain). */
const TRANSLATED_CHARS: Record<Split, number> = { train: 4_000_000, dev: 200_000, eval: 300_000 };

/**
 * Lines per group in the register set (20–400 characters) and the short set (20–80). A group is a prefix of
 * `<language>|<package>` for human text and `<language>:<modes>` for translations.
 */
const QUOTA: Record<"register" | "short", Record<string, number>> = {
  register: { "es|": 400, "ca|": 130, "ca:spa-cat": 135, "ca:spa-cat_valencia": 135, "gl:es-gl": 270,
    "gl:cat-spa>es-gl": 130, "pt|": 45, "pt:es-pt": 55, "pt:cat-por": 50, "it|": 50, "fr|": 50, "de|": 50, "en|": 50,
    "ast:spa-ast": 100, "an:spa-arg": 50, "an:cat-arg": 50, "oc:es-oc": 40, "oc:es-oc_aran": 40, "oc:ca-oc": 40 },
  short: { "es|": 250, "ca|": 150, "ca:spa-cat": 50, "ca:spa-cat_valencia": 50, "gl:es-gl": 150,
    "gl:cat-spa>es-gl": 100, "pt|": 25, "pt:es-pt": 25, "pt:cat-por": 25, "it|": 25, "fr|": 25, "de|": 25, "en|": 25,
    "ast:spa-ast": 50, "an:spa-arg": 25, "an:cat-arg": 25, "oc:es-oc": 20, "oc:es-oc_aran": 20, "oc:ca-oc": 20 },
};

/**
 * Documents in a fixed pseudo-random order (by hash of their name) go to the evaluation split while it stays within
 * a fifth of the language's passages, then to the development split within a tenth; the rest (and any document too
 * large for either) is training.
 */
function splitsOf(passages: readonly Passage[]): Split[] {
  const sizes = new Map<string, number>();
  for (const p of passages) sizes.set(p.document, (sizes.get(p.document) ?? 0) + 1);
  const order = [...sizes.keys()].sort((a, b) => hashOf(a) - hashOf(b) || a.localeCompare(b));
  const room: Record<Split, number> = { eval: 0.2 * passages.length, dev: 0.1 * passages.length, train: Infinity };
  const splitOfDocument = new Map<string, Split>();
  for (const document of order) {
    const size = sizes.get(document) ?? 0;
    const split = (["eval", "dev", "train"] as const).find((s) => room[s] >= size) ?? "train";
    room[split] -= size;
    splitOfDocument.set(document, split);
  }
  return passages.map((p) => splitOfDocument.get(p.document) ?? "train");
}

/** Lines of a passage as people write them: the whole passage when it is 20–400 characters, else its sentences. */
export function registerLinesOf(text: string): string[] {
  const pieces = text.length <= 400 ? [text] : text.split(/(?<=[.!?])\s+(?=[\p{Lu}¿¡"«(—-])/u);
  return pieces
    .map((s) => s.trim())
    .filter((s) => s.length >= 20 && s.length <= 400)
    .filter((s) => {
      const letters = (s.match(/\p{L}/gu) ?? []).length;
      const words = s.split(/\s+/);
      // Lists of names ("Pelatías, Hanán, Anaías,") and titles are in no language in particular.
      const lowercaseWords = words.filter((w) => /^[^\p{L}]*\p{Ll}/u.test(w)).length;
      return letters / s.replace(/\s/g, "").length > 0.75 && words.length >= 3 && lowercaseWords * 3 >= words.length &&
        !/[{}<>=_\\|@#]|https?:|www\./.test(s);
    });
}

/** Apertium output cleaned of its marks (# and @ before words it could not generate or translate). */
export function translate(mode: string, lines: readonly string[]): string[] {
  const input = join(TRAIN_DIR, `apertium-input-${process.pid}.txt`);
  writeFileSync(input, lines.join("\n") + "\n");
  const output = execFileSync("apertium", ["-u", mode, input], { maxBuffer: 1 << 28 }).toString("utf8");
  return output
    .split("\n")
    .map((line) => line.replace(/[#@*]/g, "").replace(/ +([.,;:!?)»])/g, "$1").replace(/([(«¿¡]) +/g, "$1").replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

interface Line {
  text: string;
  language: ModelLanguage;
  /** "<package>/<language>" for human text, "<package>>apertium <mode>" for machine translations. */
  source: string;
  group: string;
}

function main(): void {
  const bySplit: Record<Split, Line[]> = { train: [], dev: [], eval: [] };
  /** Human lines of the languages translated from, by split (the Bible, prompts and dictionary examples). */
  const originals: Record<"es" | "ca", Record<Split, string[]>> = {
    es: { train: [], dev: [], eval: [] }, ca: { train: [], dev: [], eval: [] },
  };
  for (const [language, read] of Object.entries(HUMAN) as [ModelLanguage, () => Passage[]][]) {
    const passages = read();
    const splits = splitsOf(passages);
    const counts: Record<Split, number> = { train: 0, dev: 0, eval: 0 };
    passages.forEach((p, i) => {
      const split = splits[i] ?? "train";
      for (const text of registerLinesOf(p.text)) {
        // A few examples and prompts quote English; their labels would be wrong.
        if (language !== "en" && looksEnglish(text)) continue;
        bySplit[split].push({ text, language, source: `${packageOf(p.source)}/human`, group: `${language}|${packageOf(p.source)}` });
        counts[split] += 1;
        if ((language === "es" || language === "ca") && TRANSLATED_SOURCES.has(p.source)) originals[language][split].push(text);
      }
    });
    console.log(`human ${language}: ${passages.length} passages; lines train ${counts.train}, dev ${counts.dev}, eval ${counts.eval}`);
  }
  TRANSLATIONS.forEach(({ from, to, modes }, t) => {
    for (const split of ["train", "dev", "eval"] as const) {
      const lines = originals[from][split];
      const every = Math.max(1, Math.round(lines.join("\n").length / TRANSLATED_CHARS[split]));
      const input = lines.filter((_, i) => i % every === t % every);
      const out = modes.reduce((text, mode) => translate(mode, text), input);
      console.log(`${modes.join(">")} ${split}: ${input.length} lines in, ${out.length} out`);
      const source = `${from === "es" ? "sword-text-sparv+asterisk-core-sounds-es" : "dacco-common"}>apertium ${modes.join(">")}`;
      for (const text of out) {
        if (text.length >= 20 && text.length <= 400) bySplit[split].push({ text, language: to, source, group: `${to}:${modes.join(">")}` });
      }
    }
  });

  mkdirSync(join(TRAIN_DIR, "register"), { recursive: true });
  const languages = [...new Set(bySplit.train.map((l) => l.language))];
  for (const language of languages) {
    const lines = bySplit.train.filter((l) => l.language === language).map((l) => l.text);
    // Spanish is also learnt in voseo: the lines addressed as "tú", rewritten, follow the originals (voseo.ts).
    if (language === "es") lines.push(...toVoseo(lines).filter((line, i) => line !== lines[i]));
    writeFileSync(join(TRAIN_DIR, "register", `${language}.txt`), lines.join("\n") + "\n");
    console.log(`register train ${language}: ${lines.length} lines, ${lines.join(" ").length} chars`);
  }
  const trainKeys = new Set(bySplit.train.map((l) => lineKey(l.text)));
  writeFileSync(join(TRAIN_DIR, "dev-register.jsonl"),
    bySplit.dev.filter((l) => !trainKeys.has(lineKey(l.text))).map((l) => JSON.stringify({ text: l.text, language: l.language })).join("\n") + "\n");

  // The short set is drawn first, the register set from what is left: the two sets share no line.
  const seen = new Set<string>(trainKeys);
  const pool = seededShuffle(bySplit.eval, 20261201).filter((l) => {
    const k = lineKey(l.text);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const taken = new Set<Line | string>();
  for (const set of ["short", "register"] as const) {
    const rows: string[] = [];
    for (const [group, quota] of Object.entries(QUOTA[set])) {
      const picked = pool
        .filter((l) => !taken.has(l) && l.group.startsWith(group))
        .filter((l) => (set === "short" ? l.text.length <= 80 : true))
        .slice(0, quota);
      for (const l of picked) taken.add(l);
      console.log(`${set} ${group}: ${picked.length} of quota ${quota}`);
      rows.push(...picked.map((l) => JSON.stringify({ text: l.text, language: toDetected(l.language), source: `${l.source}/${l.language}` })));
    }
    // No Debian package carries Basque running text outside documentation: Basque lines come from the
    // documentation-register evaluation set (held out from training likewise), the short ones of it for the short set.
    const basque = seededShuffle(readEvalSet(readFileSync(join(FIXTURES, "eval.jsonl"), "utf8")).filter((r) => r.language === "eu"), 7)
      .filter((r) => !taken.has(r.text) && (set === "short" ? r.text.length <= 80 : true))
      .slice(0, set === "short" ? 250 : 400);
    for (const r of basque) taken.add(r.text);
    console.log(`${set} eu: ${basque.length}`);
    rows.push(...basque.map((r) => JSON.stringify({ text: r.text, language: "eu", source: `documentation:${r.source}` })));
    writeFileSync(join(FIXTURES, `${set}.jsonl`), rows.join("\n") + "\n");
  }
}

/** The Debian package a human source comes from. */
function packageOf(source: string): string {
  return ({ spaRV1909eb: "sword-text-sparv", engWEB2015eb: "sword-text-web", dacco: "dacco-common" } as Record<string, string>)[source] ?? source;
}

if (process.argv[1]?.endsWith("register-data.ts")) main();
