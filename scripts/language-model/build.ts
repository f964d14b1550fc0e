// Trains the naive-Bayes language model from the training corpus and writes lib/quality/language/model.json.
//
// Run after prepare-data.ts: node --import tsx scripts/language-model/build.ts
// The corpus (TRAIN_DIR, default /work/scratch-langid/train) is real text from Debian packages, see raw-text.ts.
// Parameters were chosen on the development set (dev.jsonl, documents held out of training), never on the
// evaluation set.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { forEachFeature, WORD_PREFIX, wordsOf } from "../../lib/quality/language/features";
import { MODEL_LANGUAGES } from "../../lib/quality/language/languages";
import { decodeModel, scoreLanguages, type LanguageModelFile } from "../../lib/quality/language/model";

const TRAIN_DIR = process.env.TRAIN_DIR ?? "/work/scratch-langid/train";
const MODEL_FILE = process.env.MODEL_FILE ?? join(import.meta.dirname ?? __dirname, "../../lib/quality/language/model.json");

/** Caps each language's share so the richest corpora don't drown the others. */
const MAX_CHARS_PER_LANGUAGE = Number(process.env.MAX_CHARS ?? 5_000_000);
/**
 * A feature must occur this often in some language to be kept (scaled down for languages with less text, so
 * the small Occitan corpus keeps its features): rarer ones are mostly noise and file size.
 */
const MIN_COUNT = Number(process.env.MIN_COUNT ?? 25);
const SMOOTHING = 0.5;
/** Nats per byte of quantised cost; 255 units is the cap, beyond which a feature just says "not this language". */
const STEP = 0.08;
/** Relative weight of each kind of feature (index = n-gram length; 0 = whole word). */
const WEIGHTS = (process.env.WEIGHTS ?? "1.5,0.5,0.8,1,1,1").split(",").map(Number);

const L = MODEL_LANGUAGES.length;

function kindOf(feature: string): number {
  return feature.startsWith(WORD_PREFIX) ? 0 : feature.length;
}

const corpusChars = new Float64Array(L);

function countFeatures(): { counts: Map<string, Float64Array>; totals: Float64Array[] } {
  const counts = new Map<string, Float64Array>();
  const totals = Array.from({ length: 6 }, () => new Float64Array(L));
  MODEL_LANGUAGES.forEach((language, l) => {
    const all = readFileSync(join(TRAIN_DIR, `${language}.txt`), "utf8");
    // Evenly spaced lines rather than the first ones, so every source and variety (pt-BR, valencià) is kept.
    const keepRatio = Math.min(1, MAX_CHARS_PER_LANGUAGE / all.length);
    const lines = all.split("\n").filter((_, i) => Math.floor(i * keepRatio) !== Math.floor((i - 1) * keepRatio));
    const text = lines.join("\n");
    corpusChars[l] = text.length;
    for (const line of lines) {
      forEachFeature(wordsOf(line), (feature) => {
        let row = counts.get(feature);
        if (!row) counts.set(feature, (row = new Float64Array(L)));
        row[l]! += 1;
        totals[kindOf(feature)]![l]! += 1;
      });
    }
    console.log(`counted ${language}: ${text.length} chars, ${counts.size} features so far`);
  });
  return { counts, totals };
}

function buildFile(counts: Map<string, Float64Array>, totals: Float64Array[]): LanguageModelFile {
  const largest = Math.max(...corpusChars);
  const minimum = Array.from(corpusChars, (chars) => Math.max(2, (MIN_COUNT * chars) / largest));
  const kept = [...counts.entries()].filter(([, row]) => row.some((c, l) => c >= minimum[l]!));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const vocabulary = Array.from({ length: 6 }, () => 0);
  for (const [feature] of kept) vocabulary[kindOf(feature)]! += 1;
  const costs = new Uint8Array(kept.length * L);
  kept.forEach(([feature, row], i) => {
    const kind = kindOf(feature);
    const logs = Array.from(row, (c, l) =>
      Math.log((c + SMOOTHING) / (totals[kind]![l]! + SMOOTHING * vocabulary[kind]!)));
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

/** Accuracy on the development set, and the temperature that makes its probabilities honest (least log-loss). */
function tuneOnDev(file: LanguageModelFile): number {
  const model = decodeModel(file);
  const dev = readFileSync(join(TRAIN_DIR, "dev.jsonl"), "utf8").trim().split("\n")
    .map((line) => JSON.parse(line) as { text: string; language: string });
  let correct = 0;
  for (const row of dev) {
    const { probabilities } = scoreLanguages(model, row.text, 1);
    const best = probabilities.indexOf(Math.max(...probabilities));
    if (MODEL_LANGUAGES[best] === row.language) correct += 1;
  }
  console.log(`dev accuracy over ${L} model languages: ${((100 * correct) / dev.length).toFixed(2)} % of ${dev.length}`);
  let bestTemperature = 1;
  let bestLoss = Infinity;
  for (const temperature of [1, 0.5, 0.3, 0.2, 0.15, 0.1, 0.07, 0.05, 0.03, 0.02]) {
    let loss = 0;
    for (const row of dev) {
      const { probabilities } = scoreLanguages(model, row.text, temperature);
      const p = probabilities[MODEL_LANGUAGES.indexOf(row.language as never)] ?? 0;
      loss -= Math.log(Math.max(p, 1e-9));
    }
    if (loss < bestLoss) [bestLoss, bestTemperature] = [loss, temperature];
  }
  console.log(`temperature ${bestTemperature} (dev log-loss ${(bestLoss / dev.length).toFixed(4)})`);
  return bestTemperature;
}

const { counts, totals } = countFeatures();
const file = buildFile(counts, totals);
file.temperature = tuneOnDev(file);
writeFileSync(MODEL_FILE, JSON.stringify(file));
console.log(`wrote ${MODEL_FILE}: ${(JSON.stringify(file).length / 1e6).toFixed(2)} MB`);
