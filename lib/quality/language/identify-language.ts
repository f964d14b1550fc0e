// Tells which of escriba's languages (es, ca, eu, gl) a text is written in, or "other", with a confidence.
import modelFile from "./model.json" with { type: "json" };
import { decodeModel, scoreLanguages, type LanguageModelFile, type LoadedModel } from "./model";
import { MODEL_LANGUAGES, toDetected, type DetectedLanguage } from "./languages";

export interface LanguageGuess {
  language: DetectedLanguage;
  /** 0..1: the model's probability for that language, lowered for texts too short to be sure about. */
  confidence: number;
}

/** Below this many letters a text carries too little evidence for a confident verdict, whatever the model says. */
const LETTERS_FOR_FULL_CONFIDENCE = 20;

let model: LoadedModel | undefined;

/** Decoded on first use, not at import, so importing the quality module costs nothing until text is checked. */
function languageModel(): LoadedModel {
  model ??= decodeModel(modelFile as LanguageModelFile);
  return model;
}

export function identifyLanguage(text: string): LanguageGuess {
  const { probabilities, letters } = scoreLanguages(languageModel(), text);
  if (letters === 0) return { language: "other", confidence: 0 };
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
  return { language, confidence: Math.max(0, Math.min(1, probability * evidence)) };
}
