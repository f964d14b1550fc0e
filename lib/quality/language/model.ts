// Decodes a language model file and scores text against every model language with it.
import { forEachFeature, HYPHEN, WORD_PREFIX, wordsOf } from "./features";
import { MODEL_LANGUAGES, type ModelLanguage } from "./languages";

/** The committed model file, as written by scripts/language-model/build.ts. */
export interface LanguageModelFile {
  version: number;
  languages: string[];
  /** Nats per unit of cost. */
  step: number;
  /** Multiplies summed log-likelihoods before the softmax, fitted on the development set. */
  temperature: number;
  /**
   * Cost units added to each language's total (a class prior, in MODEL_LANGUAGES order; absent = none): chosen on
   * the development set so that rare neighbours learnt from machine translation (ast, an, oc) do not pull
   * ordinary Spanish or Catalan lines away.
   */
  priors?: number[];
  /**
   * Multiplies the costs of each kind of feature (index = n-gram length; 0 = whole word; absent = all 1), fitted
   * on the development sets together with the temperature: naive Bayes counts every overlapping n-gram as fresh
   * evidence, and on short lines that drowns the few whole words (y / e, i, non) that tell neighbours apart.
   */
  kindWeights?: number[];
  /** Features, one per line, in the order of `costs`. */
  features: string;
  /** Base64 of one byte per feature and language: how much less likely the feature is in that language than
   *  in the language where it is likeliest (0 = likeliest). Relative costs keep the file small and lose nothing
   *  for ranking, because a constant per feature cancels out between languages. */
  costs: string;
}

export interface LoadedModel {
  index: Map<string, number>;
  /** The file's costs times their kind's weight, per feature and language. */
  costs: Float32Array;
  step: number;
  temperature: number;
  priors: Float64Array;
  /** Each word's summed feature costs per language, as scored before (see wordCosts). */
  wordCosts: Map<string, Float64Array>;
}

/**
 * Words a model remembers the costs of. Text repeats its words (an import checks many thousands of texts in one
 * language), and a word's n-grams, sliced and looked up one by one, were most of the identifier's time; bounded so
 * that a long-running server holds some 12 MB at most (a Float64Array of the model languages and its word each).
 */
export const REMEMBERED_WORDS = 50_000;

function decodeBase64(text: string): Uint8Array {
  if (typeof Buffer !== "undefined") return new Uint8Array(Buffer.from(text, "base64"));
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function decodeModel(file: LanguageModelFile): LoadedModel {
  if (file.languages.join() !== MODEL_LANGUAGES.join()) {
    throw new Error("language model file was built for other languages; rebuild it with scripts/language-model/build.ts");
  }
  const index = new Map<string, number>();
  file.features.split("\n").forEach((feature, i) => index.set(feature, i));
  const priors = Float64Array.from(MODEL_LANGUAGES, (_, l) => file.priors?.[l] ?? 0);
  const bytes = decodeBase64(file.costs);
  const costs = new Float32Array(bytes.length);
  const count = MODEL_LANGUAGES.length;
  for (const [feature, i] of index) {
    const weight = file.kindWeights?.[kindOf(feature)] ?? 1;
    for (let l = 0; l < count; l++) costs[i * count + l] = bytes[i * count + l]! * weight;
  }
  return { index, costs, step: file.step, temperature: file.temperature, priors, wordCosts: new Map() };
}

/** 0 for a whole word, else the n-gram's length. */
export function kindOf(feature: string): number {
  return feature.startsWith(WORD_PREFIX) ? 0 : feature.length;
}

export interface LanguageScores {
  /** Posterior probability per model language, in MODEL_LANGUAGES order. */
  probabilities: number[];
  /** Letters in the text: how much evidence the probabilities rest on. */
  letters: number;
}

/**
 * One word's costs per model language, summed over its features. The costs are small multiples of float32 values, so
 * every sum here and in costsOf is exact in float64 and adding word by word gives the very totals that adding feature
 * by feature gave (tests/unit/quality/language-id.test.ts holds them equal).
 */
function wordCosts(model: LoadedModel, word: string): Float64Array {
  let sums = model.wordCosts.get(word);
  if (sums) return sums;
  const count = MODEL_LANGUAGES.length;
  sums = new Float64Array(count);
  const totals = sums;
  forEachFeature([word], (feature) => {
    const i = model.index.get(feature);
    if (i === undefined) return;
    const base = i * count;
    for (let l = 0; l < count; l++) totals[l]! += model.costs[base + l]!;
  });
  if (model.wordCosts.size >= REMEMBERED_WORDS) model.wordCosts.clear();
  model.wordCosts.set(word, sums);
  return sums;
}

/** Summed costs per model language (lower = likelier), before priors, and the letters they rest on. */
export function costsOf(model: LoadedModel, text: string): { totals: Float64Array; letters: number } {
  const count = MODEL_LANGUAGES.length;
  const totals = new Float64Array(count);
  let letters = 0;
  for (const word of wordsOf(text)) {
    letters += word.startsWith(HYPHEN) ? word.length - 1 : word.length;
    const sums = wordCosts(model, word);
    for (let l = 0; l < count; l++) totals[l]! += sums[l]!;
  }
  return { totals, letters };
}

/** Probabilities from summed costs: priors added, then a softmax at the given temperature. */
export function probabilitiesOf(totals: Float64Array, step: number, temperature: number, priors: ArrayLike<number>): number[] {
  const adjusted = Array.from(totals, (total, l) => total + (priors[l] ?? 0));
  const best = Math.min(...adjusted);
  const weights = adjusted.map((total) => Math.exp(-(total - best) * step * temperature));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

export function scoreLanguages(model: LoadedModel, text: string, temperature = model.temperature): LanguageScores {
  const { totals, letters } = costsOf(model, text);
  return { probabilities: probabilitiesOf(totals, model.step, temperature, model.priors), letters };
}
