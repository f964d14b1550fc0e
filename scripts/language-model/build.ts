// Trains the naive-Bayes language model from the training corpus and writes lib/quality/language/model.json.
//
// Run after prepare-data.ts, register-data.ts, translate-documentation.ts, short-dev-data.ts and common-voice.ts:
//   node --import tsx scripts/language-model/build.ts
// The corpus (TRAIN_DIR, default /work/scratch-langid/train) is real text from Debian packages (raw-text.ts) and
// sentences people wrote for Common Voice (common-voice.ts).
// Parameters were chosen on the development set (dev.jsonl, documents held out of training), never on the
// evaluation set.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { forEachFeature, MAX_NGRAM, wordsOf } from "../../lib/quality/language/features";
import { MODEL_LANGUAGES, toDetected, type ModelLanguage } from "../../lib/quality/language/languages";
import { decodeModel, kindOf, probabilitiesOf, type LanguageModelFile, type LoadedModel } from "../../lib/quality/language/model";
import { fineLanguageOf } from "./eval-report";
import { TRAIN_DIR } from "./prepare-data";

const MODEL_FILE = process.env.MODEL_FILE ?? join(import.meta.dirname ?? __dirname, "../../lib/quality/language/model.json");

/** Caps each language's share so the richest corpora don't drown the others. */
const MAX_CHARS_PER_LANGUAGE = Number(process.env.MAX_CHARS ?? 2_000_000);
/**
 * A feature must occur this often in some language to be kept (scaled down for languages with less text, so
 * the small Occitan corpus keeps its features): rarer ones are mostly noise and file size.
 */
const MIN_COUNT = Number(process.env.MIN_COUNT ?? 25);
const SMOOTHING = 0.5;
/**
 * Each language's model is an even mixture of its two registers: documentation (LibreOffice help, and Apertium
 * translations of Spanish help for ast/an/oc) and the register annotators write (register-data.ts: the Bible,
 * dictionary examples, voice prompts, tutorials, and Apertium translations). Mixing per language, rather than
 * pooling the text, keeps "everyday words" from pointing at whichever languages happen to have more everyday text
 * than documentation. A language with only one register (eu) uses that one alone, and one with little everyday
 * text (it, fr, de: prompts and tutorials, about 50,000 characters) gives it a share in proportion, up to
 * FULL_REGISTER_CHARS: half the weight on so little text would make its chance words look significant.
 */
const REGISTER_SHARE = Number(process.env.REGISTER_SHARE ?? 0.5);
const FULL_REGISTER_CHARS = 500_000;
/**
 * How many times each line people wrote for Common Voice (common-voice.ts, TRAIN_DIR/voice) counts in its language's
 * everyday register. It is a few hundred thousand characters beside millions of Bible verses and machine translation,
 * and the only everyday text of today in Galician, Occitan and Asturian. 4 had the least development log-loss of 1, 4,
 * 10 and 25 (docs/language-identification.md, process section).
 */
const VOICE_WEIGHT = Number(process.env.VOICE_WEIGHT ?? 4);
/** Nats per byte of quantised cost; 255 units is the cap, beyond which a feature just says "not this language". */
const STEP = 0.08;
/** Relative weight of each kind of feature (index = n-gram length; 0 = whole word). */
const WEIGHTS = (process.env.WEIGHTS ?? "1.5,0.5,0.8,1,1,1").split(",").map(Number);

const L = MODEL_LANGUAGES.length;

const corpusChars = new Float64Array(L);
const registerChars = new Float64Array(L);
/** Feature occurrences per register: [documentation, register] × language. */
type Row = Float64Array;
const DOMAINS = 2;

function countFeatures(): { counts: Map<string, Row>; totals: Float64Array[] } {
  const counts = new Map<string, Row>();
  const totals = Array.from({ length: 6 }, () => new Float64Array(DOMAINS * L));
  const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean) : []);
  MODEL_LANGUAGES.forEach((language, l) => {
    const all = [...read(join(TRAIN_DIR, `${language}.txt`)), ...read(join(TRAIN_DIR, "translated", `${language}.txt`))];
    // Evenly spaced lines rather than the first ones, so every source and variety (pt-BR, valencià) is kept.
    const keepRatio = Math.min(1, MAX_CHARS_PER_LANGUAGE / Math.max(1, all.join("\n").length));
    const documentation = all.filter((_, i) => Math.floor(i * keepRatio) !== Math.floor((i - 1) * keepRatio));
    const register = read(join(TRAIN_DIR, "register", `${language}.txt`));
    const voice = read(join(TRAIN_DIR, "voice", `${language}.txt`));
    const add = (line: string, domain: number, times = 1) =>
      forEachFeature(wordsOf(line), (feature) => {
        let row = counts.get(feature);
        if (!row) counts.set(feature, (row = new Float64Array(DOMAINS * L)));
        row[domain * L + l]! += times;
        totals[kindOf(feature)]![domain * L + l]! += times;
      });
    for (const line of documentation) add(line, 0);
    for (const line of register) add(line, 1);
    for (const line of voice) add(line, 1, VOICE_WEIGHT);
    registerChars[l] = register.join("\n").length + VOICE_WEIGHT * voice.join("\n").length;
    corpusChars[l] = documentation.join("\n").length + registerChars[l]!;
    console.log(`counted ${language}: ${documentation.join("\n").length} + ${register.join("\n").length} + ${voice.join("\n").length} × ${VOICE_WEIGHT} chars, ${counts.size} features so far`);
  });
  return { counts, totals };
}

function buildFile(counts: Map<string, Row>, totals: Float64Array[]): LanguageModelFile {
  const largest = Math.max(...corpusChars);
  const minimum = Array.from(corpusChars, (chars) => Math.max(2, (MIN_COUNT * chars) / largest));
  const kept = [...counts.entries()].filter(([, row]) =>
    MODEL_LANGUAGES.some((_, l) => row[l]! + row[L + l]! >= minimum[l]!));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const vocabulary = Array.from({ length: 6 }, () => 0);
  for (const [feature] of kept) vocabulary[kindOf(feature)]! += 1;
  const costs = new Uint8Array(kept.length * L);
  kept.forEach(([feature, row], i) => {
    const kind = kindOf(feature);
    const total = totals[kind]!;
    const logs = MODEL_LANGUAGES.map((_, l) => {
      const share = total[l]! === 0 ? 1 : total[L + l]! === 0 ? 0 : REGISTER_SHARE * Math.min(1, registerChars[l]! / FULL_REGISTER_CHARS);
      const p = (domain: number) =>
        (row[domain * L + l]! + SMOOTHING) / (total[domain * L + l]! + SMOOTHING * vocabulary[kind]!);
      return Math.log(share * p(1) + (1 - share) * p(0));
    });
    const best = Math.max(...logs);
    logs.forEach((log, l) => {
      costs[i * L + l] = Math.min(255, Math.round(((best - log) * (WEIGHTS[kind] ?? 1)) / STEP));
    });
  });
  console.log(`kept ${kept.length} features (${vocabulary.join("/")} by kind)`);
  return {
    version: 1,
    languages: [...MODEL_LANGUAGES],
    step: STEP,
    temperature: 1,
    features: kept.map(([feature]) => feature).join("\n"),
    costs: Buffer.from(costs).toString("base64"),
  };
}

/**
 * Fits, on the development sets (documentation, register and the short register lines of dev-short.jsonl, see
 * short-dev-data.ts), first the temperature that makes the verdict's probability honest (least log-loss), then the weight of
 * each kind of feature (least log-loss again, the temperature refitted with each), then the priors of the
 * neighbours learnt from machine translation (ast+an share one, oc another) that maximise the mean per-class
 * accuracy over es, ca, eu, gl, other, then the temperature again with those priors.
 */
function tuneOnDev(file: LanguageModelFile): void {
  const model = decodeModel({ ...file, priors: undefined, kindWeights: undefined });
  const readDev = (name: string) => existsSync(join(TRAIN_DIR, name))
    ? readFileSync(join(TRAIN_DIR, name), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { text: string; language: string; source?: string })
    : [];
  const documentation = readDev("dev.jsonl");
  const register = readDev("dev-register.jsonl");
  // dev-short.jsonl says the fine-grained language at the end of its source, like the evaluation sets.
  const fineGrained = (rows: ReturnType<typeof readDev>) => rows.map((row) => ({ ...row, language: row.source ? fineLanguageOf(row.source) : row.language }));
  const short = fineGrained(readDev("dev-short.jsonl"));
  // Common Voice's development blocks (common-voice.ts): the one development text that people wrote of today.
  const voice = fineGrained(readDev("dev-voice.jsonl"));
  const dev = [...documentation.filter((_, i) => i % Math.max(1, Math.round(documentation.length / register.length)) === 0), ...register, ...short, ...voice]
    .map((row) => ({ ...costsByKind(model, row.text), language: row.language as ModelLanguage }));
  const totalsOf = (perKind: Float64Array, weights: readonly number[]) => {
    const totals = new Float64Array(L);
    for (let k = 0; k < KINDS; k++) for (let l = 0; l < L; l++) totals[l]! += weights[k]! * perKind[k * L + l]!;
    return totals;
  };
  const classes = ["es", "ca", "eu", "gl", "other"] as const;
  const meanAccuracy = (temperature: number, priors: number[], weights: readonly number[]) => {
    const right = new Map<string, number>();
    const total = new Map<string, number>();
    for (const row of dev) {
      const probabilities = probabilitiesOf(totalsOf(row.perKind, weights), file.step, temperature, priors);
      const grouped = new Map<string, number>();
      probabilities.forEach((p, l) => grouped.set(toDetected(MODEL_LANGUAGES[l]!), (grouped.get(toDetected(MODEL_LANGUAGES[l]!)) ?? 0) + p));
      const predicted = [...grouped].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
      const truth = toDetected(row.language);
      total.set(truth, (total.get(truth) ?? 0) + 1);
      if (predicted === truth) right.set(truth, (right.get(truth) ?? 0) + 1);
    }
    return classes.reduce((sum, c) => sum + (right.get(c) ?? 0) / Math.max(1, total.get(c) ?? 0), 0) / classes.length;
  };
  const fitTemperature = (priors: number[], weights: readonly number[], quiet = false) => {
    // The loss is that of the verdict's probability (the confidence: es, ca, eu, gl, or all neighbours together),
    // not of the fine-grained language: telling Asturian from Aragonese matters to no one.
    const rows = dev.map((row) => ({ totals: totalsOf(row.perKind, weights), same: MODEL_LANGUAGES.map((l) => toDetected(l) === toDetected(row.language)) }));
    let best = { temperature: 1, loss: Infinity };
    for (const temperature of [1, 0.5, 0.3, 0.2, 0.15, 0.1, 0.08, 0.07, 0.06, 0.05, 0.04, 0.035, 0.03, 0.025, 0.02, 0.015, 0.01, 0.007, 0.005]) {
      let loss = 0;
      for (const row of rows) {
        const probabilities = probabilitiesOf(row.totals, file.step, temperature, priors);
        loss -= Math.log(Math.max(probabilities.reduce((sum, p, l) => (row.same[l] ? sum + p : sum), 0), 1e-9));
      }
      if (loss < best.loss) best = { temperature, loss };
    }
    if (!quiet) console.log(`temperature ${best.temperature} (dev log-loss ${(best.loss / dev.length).toFixed(4)})`);
    return best;
  };
  const priorsFor = (astAn: number, oc: number) => MODEL_LANGUAGES.map((l) => (l === "ast" || l === "an" ? astAn : l === "oc" ? oc : 0));
  // Kind weights: coordinate search for least log-loss. The 4-grams stay at 1, since the temperature already sets
  // the overall scale.
  const weights = Array.from({ length: KINDS }, () => 1);
  let loss = fitTemperature(priorsFor(0, 0), weights).loss;
  for (let round = 0; round < 2; round++) {
    for (const kind of [0, 1, 2, 3, 5]) {
      for (const candidate of [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 12]) {
        const trial = weights.map((w, k) => (k === kind ? candidate : w));
        const fitted = fitTemperature(priorsFor(0, 0), trial, true);
        if (fitted.loss < loss - 1e-6) [loss, weights[kind]] = [fitted.loss, candidate];
      }
    }
    console.log(`kind weights after round ${round + 1}: ${weights.join(", ")} (dev log-loss ${(loss / dev.length).toFixed(4)})`);
  }
  file.kindWeights = weights;
  let temperature = fitTemperature(priorsFor(0, 0), weights).temperature;
  let best = { astAn: 0, oc: 0, accuracy: meanAccuracy(temperature, priorsFor(0, 0), weights) };
  console.log(`dev mean per-class accuracy without priors: ${(100 * best.accuracy).toFixed(2)} %`);
  for (const astAn of [0, 100, 200, 400, 700, 1000, 1500, 2000, 3000]) {
    for (const oc of [0, 200, 500, 1000, 2000]) {
      const accuracy = meanAccuracy(temperature, priorsFor(astAn, oc), weights);
      if (accuracy > best.accuracy) best = { astAn, oc, accuracy };
    }
  }
  console.log(`priors ast/an ${best.astAn}, oc ${best.oc} units: dev mean per-class accuracy ${(100 * best.accuracy).toFixed(2)} %`);
  file.priors = priorsFor(best.astAn, best.oc);
  temperature = fitTemperature(file.priors, weights).temperature;
  file.temperature = temperature;
}

const KINDS = MAX_NGRAM + 1;

/** Summed raw costs per kind of feature and language (kind-major). */
function costsByKind(model: LoadedModel, text: string): { perKind: Float64Array } {
  const perKind = new Float64Array(KINDS * L);
  forEachFeature(wordsOf(text), (feature) => {
    const i = model.index.get(feature);
    if (i === undefined) return;
    const base = kindOf(feature) * L;
    for (let l = 0; l < L; l++) perKind[base + l]! += model.costs[i * L + l]!;
  });
  return { perKind };
}

// RETUNE=1 keeps the features of the current model file and only fits temperature and priors again.
const file: LanguageModelFile = process.env.RETUNE
  ? (JSON.parse(readFileSync(MODEL_FILE, "utf8")) as LanguageModelFile)
  : (() => {
      const { counts, totals } = countFeatures();
      return buildFile(counts, totals);
    })();
tuneOnDev(file);
writeFileSync(MODEL_FILE, JSON.stringify(file));
console.log(`wrote ${MODEL_FILE}: ${(JSON.stringify(file).length / 1e6).toFixed(2)} MB`);
