// Builds text in the register annotators write (sayings, jokes, dialogue, questions, short narrative) for training,
// tuning and evaluation, from Debian's fortune cookies and Apertium's offline translations of them.
//
// Run after prepare-data.ts: node --import tsx scripts/language-model/register-data.ts
// Needs (build machine only, never CI): apt-get install apertium apertium-spa-cat apertium-es-gl apertium-spa-ast \
//   apertium-spa-arg apertium-oc-es apertium-es-pt   (and the fortunes packages of raw-text.ts, unpacked in RAW_DIR)
//
// Every fortune file is one document and goes whole to training, development or evaluation (Portuguese has a
// single file, split by cookie). Spanish documents are translated by Apertium into ca, gl, ast, an, oc (Lengadocian
// and Aranese) and pt, each translation landing in the same split as its Spanish original, so no evaluation line
// shares a source sentence with training text.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fortunes, type Passage } from "./raw-text";
import { toDetected, type ModelLanguage } from "../../lib/quality/language/languages";
import { readEvalSet } from "./eval-report";
import { hashOf, seededShuffle } from "./sampling";

const TRAIN_DIR = process.env.TRAIN_DIR ?? "/work/scratch-langid/train";
const FIXTURES = join(import.meta.dirname ?? __dirname, "../../tests/fixtures/language-id");

type Split = "train" | "dev" | "eval";

/** Human-written fortune files per language (files or folders under /usr/share/games/fortunes). */
const HUMAN: Partial<Record<ModelLanguage, string[]>> = {
  es: ["es"],
  pt: ["brasil"],
  it: ["it", "italia", "definizioni", "formiche", "leggi", "luttazzi", "paolotedeschi", "zozzoni"],
  de: ["de"],
  en: ["cookie", "people", "pets", "platitudes", "wisdom", "work", "love", "men-women", "kids", "food", "education",
    "humorists", "miscellaneous", "news", "politics", "science", "sports", "literature", "fortunes", "riddles"],
};

/** Apertium modes that turn Spanish into each language (several varieties where Apertium has them). */
const TRANSLATIONS: [ModelLanguage, string][] = [
  ["ca", "spa-cat"], ["ca", "spa-cat_valencia"], ["gl", "es-gl"], ["ast", "spa-ast"], ["an", "spa-arg"],
  ["oc", "es-oc"], ["oc", "es-oc_aran"], ["pt", "es-pt"],
];

/** Lines per class in the register set (20–400 characters) and the short set (20–80). */
const QUOTA: Record<"register" | "short", Partial<Record<string, number>>> = {
  register: { es: 400, "ca:spa-cat": 200, "ca:spa-cat_valencia": 200, "gl:es-gl": 400, pt: 150, "pt:es-pt": 50,
    it: 50, de: 50, en: 50, "ast:spa-ast": 100, "an:spa-arg": 100, "oc:es-oc": 60, "oc:es-oc_aran": 60 },
  short: { es: 250, "ca:spa-cat": 125, "ca:spa-cat_valencia": 125, "gl:es-gl": 250, pt: 100, "pt:es-pt": 25,
    it: 25, de: 25, en: 25, "ast:spa-ast": 50, "an:spa-arg": 50, "oc:es-oc": 30, "oc:es-oc_aran": 30 },
};

/**
 * Documents (fortune files) in a fixed pseudo-random order (by hash of their name) go to the evaluation split while
 * it stays within a fifth of the language's cookies, then to the development split within a tenth; the rest (and
 * any document too large for either) is training. A language with a single file (Portuguese) is split the same way
 * cookie by cookie.
 */
function splitsOf(passages: readonly Passage[]): Split[] {
  const documents = new Set(passages.map((p) => p.document));
  const unitOf = (p: Passage, i: number) => (documents.size === 1 ? `${p.document}#${i}` : p.document);
  const sizes = new Map<string, number>();
  passages.forEach((p, i) => sizes.set(unitOf(p, i), (sizes.get(unitOf(p, i)) ?? 0) + 1));
  const order = [...sizes.keys()].sort((a, b) => hashOf(a) - hashOf(b) || a.localeCompare(b));
  const room: Record<Split, number> = { eval: 0.2 * passages.length, dev: 0.1 * passages.length, train: Infinity };
  const splitOfUnit = new Map<string, Split>();
  for (const unit of order) {
    const size = sizes.get(unit) ?? 0;
    const split = (["eval", "dev", "train"] as const).find((s) => room[s] >= size) ?? "train";
    room[split] -= size;
    splitOfUnit.set(unit, split);
  }
  return passages.map((p, i) => splitOfUnit.get(unitOf(p, i)) ?? "train");
}

/** Lines of a cookie as people write them: the whole cookie when it is 20–400 characters, else its sentences. */
export function registerLinesOf(text: string): string[] {
  const pieces = text.length <= 400 ? [text] : text.split(/(?<=[.!?])\s+(?=[\p{Lu}¿¡"«(—-])/u);
  return pieces
    .map((s) => s.trim())
    .filter((s) => s.length >= 20 && s.length <= 400)
    .filter((s) => {
      const letters = (s.match(/\p{L}/gu) ?? []).length;
      return letters / s.replace(/\s/g, "").length > 0.75 && s.split(/\s+/).length >= 3 && !/[{}<>=_\\|@#]|https?:|www\./.test(s);
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
  const spanish: Record<Split, string[]> = { train: [], dev: [], eval: [] };
  for (const [language, names] of Object.entries(HUMAN) as [ModelLanguage, string[]][]) {
    // The "off" folders hold the offensive cookies ROT13-encoded: not text in any language.
    const passages: Passage[] = names.flatMap((name) => fortunes(language, name)).filter((p) => !p.document.includes("/off/"));
    const splits = splitsOf(passages);
    passages.forEach((p, i) => {
      const split = splits[i] ?? "train";
      for (const text of registerLinesOf(p.text)) {
        bySplit[split].push({ text, language, source: `fortunes-${language === "en" ? "en" : language}/human`, group: language });
        if (language === "es") spanish[split].push(text);
      }
    });
  }
  for (const [language, mode] of TRANSLATIONS) {
    for (const split of ["train", "dev", "eval"] as const) {
      const out = translate(mode, spanish[split]);
      console.log(`${mode} ${split}: ${spanish[split].length} lines in, ${out.length} out`);
      for (const text of out) {
        if (text.length >= 20 && text.length <= 400) {
          bySplit[split].push({ text, language, source: `fortunes-es>apertium ${mode}`, group: `${language}:${mode}` });
        }
      }
    }
  }

  mkdirSync(join(TRAIN_DIR, "register"), { recursive: true });
  const languages = [...new Set(bySplit.train.map((l) => l.language))];
  for (const language of languages) {
    const lines = bySplit.train.filter((l) => l.language === language).map((l) => l.text);
    writeFileSync(join(TRAIN_DIR, "register", `${language}.txt`), lines.join("\n") + "\n");
    console.log(`register train ${language}: ${lines.length} lines, ${lines.join(" ").length} chars`);
  }
  const trainKeys = new Set(bySplit.train.map((l) => key(l.text)));
  writeFileSync(join(TRAIN_DIR, "dev-register.jsonl"),
    bySplit.dev.filter((l) => !trainKeys.has(key(l.text))).map((l) => JSON.stringify({ text: l.text, language: l.language })).join("\n") + "\n");

  // The short set is drawn first, the register set from what is left: the two sets share no line.
  const seen = new Set<string>(trainKeys);
  const pool = seededShuffle(bySplit.eval, 20261201).filter((l) => {
    const k = key(l.text);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const taken = new Set<Line | string>();
  for (const set of ["short", "register"] as const) {
    const rows: string[] = [];
    for (const [group, quota] of Object.entries(QUOTA[set])) {
      const picked = pool
        .filter((l) => !taken.has(l) && l.group === group)
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

const key = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

if (process.argv[1]?.endsWith("register-data.ts")) main();
