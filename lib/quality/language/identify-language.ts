// Tells which of escriba's languages (es, ca, eu, gl) a text is written in, or "other", with a confidence and the
// likeliest fine-grained languages (pt, ast, oc… included) behind that verdict.
import modelFile from "./model.json" with { type: "json" };
import { decodeModel, scoreLanguages, type LanguageModelFile, type LoadedModel } from "./model";
import { MODEL_LANGUAGES, toDetected, type DetectedLanguage, type ModelLanguage } from "./languages";
import { ITEM_LANGUAGES, type ItemLanguage } from "@/lib/vocabulary";

export interface LanguageAlternative {
  language: ModelLanguage;
  /** The model's probability for that language alone, rounded to 3 decimals. */
  probability: number;
}

export interface LanguageGuess {
  language: DetectedLanguage;
  /** 0..1: the model's probability for that language, lowered for texts too short to be sure about. */
  confidence: number;
  /** The likeliest model languages, most probable first (at most ALTERNATIVES); empty when the text has no letters. */
  alternatives: LanguageAlternative[];
  /**
   * For each of the four languages, how sure the identifier is that the text is not written in it (0..1, lowered for
   * short texts like `confidence`). It can be sure of that without knowing which language the text is in: a Galician
   * line that could be Portuguese is still certainly not Spanish. Not part of the reports; the submit check reads it.
   */
  confidenceNotIn: Record<ItemLanguage, number>;
  /**
   * For each of the four languages, the model's probability that the text is in it, not lowered for short text: what
   * a few words can still say against a language ("Dijo:" is Galician at 0.005) when they are too few for a verdict.
   * Not part of the reports; the submit check reads it for the words around a quotation.
   */
  probabilityOf: Record<ItemLanguage, number>;
}

/** Below this many letters a text carries too little evidence for a confident verdict, whatever the model says. */
export const LETTERS_FOR_FULL_CONFIDENCE = 20;
/** How many fine-grained languages a guess lists. */
export const ALTERNATIVES = 3;

let model: LoadedModel | undefined;

/** Decoded on first use, not at import, so importing the quality module costs nothing until text is checked. */
function languageModel(): LoadedModel {
  model ??= decodeModel(modelFile as LanguageModelFile);
  return model;
}

export function identifyLanguage(text: string): LanguageGuess {
  const { probabilities, letters } = scoreLanguages(languageModel(), text);
  if (letters === 0) return { language: "other", confidence: 0, alternatives: [], confidenceNotIn: zeroEach, probabilityOf: zeroEach };
  // Probabilities of the neighbours add up into "other": Portuguese and French together may outweigh Galician.
  const grouped = new Map<DetectedLanguage, number>();
  probabilities.forEach((p, i) => {
    const language = toDetected(MODEL_LANGUAGES[i] ?? "en");
    grouped.set(language, (grouped.get(language) ?? 0) + p);
  });
  let language: DetectedLanguage = "other";
  let probability = -1;
  for (const [candidate, p] of grouped) {
    if (p > probability) [language, probability] = [candidate, p];
  }
  const evidence = Math.min(1, letters / LETTERS_FOR_FULL_CONFIDENCE);
  const alternatives = probabilities
    .map((p, i) => ({ language: MODEL_LANGUAGES[i] ?? "en", probability: Math.round(p * 1000) / 1000 }))
    .sort((a, b) => b.probability - a.probability)
    .slice(0, ALTERNATIVES);
  const p = (item: ItemLanguage) => grouped.get(item) ?? 0;
  // Spelt out rather than built from ITEM_LANGUAGES: this runs for every field checked.
  const probabilityOf = { es: p("es"), ca: p("ca"), eu: p("eu"), gl: p("gl") } satisfies Record<ItemLanguage, number>;
  const notIn = (item: ItemLanguage) => clamp((1 - probabilityOf[item]) * evidence);
  const confidenceNotIn = { es: notIn("es"), ca: notIn("ca"), eu: notIn("eu"), gl: notIn("gl") } satisfies Record<ItemLanguage, number>;
  return { language, confidence: clamp(probability * evidence), alternatives, confidenceNotIn, probabilityOf };
}

const clamp = (confidence: number) => Math.max(0, Math.min(1, confidence));
// Text without letters: not sure it is not in any language, and no probability of any.
const zeroEach: Readonly<Record<ItemLanguage, number>> = Object.freeze(
  Object.fromEntries(ITEM_LANGUAGES.map((item) => [item, 0])) as Record<ItemLanguage, number>,
);
