// The languages the identifier tells apart: the four escriba collects, and the neighbours it must reject as "other".
import { ITEM_LANGUAGES, NEIGHBOUR_LANGUAGES, type ItemLanguage } from "@/lib/vocabulary";

export type DetectedLanguage = ItemLanguage | "other";

/**
 * The model scores each of these separately; neighbours are kept apart in the model (rather than one "other"
 * class) because Portuguese, Occitan, Asturian or Aragonese each resemble a different target language.
 */
export const MODEL_LANGUAGES = [...ITEM_LANGUAGES, ...NEIGHBOUR_LANGUAGES] as const;
export type ModelLanguage = (typeof MODEL_LANGUAGES)[number];

const TARGETS: ReadonlySet<string> = new Set<string>(ITEM_LANGUAGES);

export function toDetected(language: ModelLanguage): DetectedLanguage {
  return TARGETS.has(language) ? (language as ItemLanguage) : "other";
}

/**
 * For a text taken as "other", the neighbour it most likely is (e.g. "pt"), so a writer can be told "looks like
 * Portuguese"; undefined when the guess is one of the four languages or names no neighbour. Here rather than beside
 * the model, so that pages can name the language without loading the model file.
 */
export function likelyOtherLanguage(guess: {
  language: DetectedLanguage;
  alternatives?: readonly { language: ModelLanguage }[];
}): ModelLanguage | undefined {
  if (guess.language !== "other") return undefined;
  return guess.alternatives?.find((alternative) => toDetected(alternative.language) === "other")?.language;
}
