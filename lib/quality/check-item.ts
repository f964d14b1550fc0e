// Runs every quality check that needs no database on one item draft: language, PII and shape.
import {
  identifyLanguage,
  LETTERS_FOR_FULL_CONFIDENCE,
  likelyOtherLanguage,
  withoutMarkdownCode,
  withoutQuotations,
  type LanguageGuess,
} from "./language";
import { findPii } from "./pii";
import {
  isBlocking,
  type CheckedField,
  type FieldReport,
  type QualityProblem,
  type QualityReport,
} from "./quality-report";
import { checkShape, countCharacters, type ShapeCheckedItem } from "./shape-rules";
import type { ItemLanguage } from "@/lib/vocabulary";

export {
  withProblems,
  type FieldReport,
  type QualityProblem,
  type QualityReport,
} from "./quality-report";

/**
 * A mismatch blocks when the detector is at least this sure of another language; below it, es/ca/gl are too easy
 * to confuse on short or mixed text to stop someone from submitting.
 */
export const LANGUAGE_MISMATCH_MIN_CONFIDENCE = 0.8;
/**
 * A mismatch also blocks when the detector is at least this sure that the text is not in the item's language, even
 * if it cannot tell which language it is: a Galician line that could be Portuguese (Galician 0.51, Portuguese 0.49,
 * Spanish 0) is not Spanish, and it passed unnoticed in a Spanish item. The smallest value that blocked no more
 * lines in their own language's items than the rule above alone, on every development set (docs/language-identification.md).
 */
export const LANGUAGE_RULED_OUT_MIN_CONFIDENCE = 0.97;
/**
 * Fields with fewer letters than this (a name, a number, "Sí") say too little about their language: the fewest at
 * which the identifier, which lowers its confidence in proportion below LETTERS_FOR_FULL_CONFIDENCE, can reach
 * LANGUAGE_MISMATCH_MIN_CONFIDENCE at all (16). A floor of 20 let through lines it was sure of ("La muralla de la
 * ciutat.", 19 letters, Catalan at 0.93) and blocked no fewer lines in their own items on any development set
 * (docs/language-identification.md).
 */
export const LANGUAGE_CHECK_MIN_LETTERS = Math.ceil(LETTERS_FOR_FULL_CONFIDENCE * LANGUAGE_MISMATCH_MIN_CONFIDENCE);
/**
 * A field that quotes text in another language is not blocked when the writer's own words around the quotation
 * are likeliest in the item's language, at least at this probability: "Traduce al español: “I would rather stay at
 * home tonight.”" is English as a whole, but its frame, "Traduce al español:", is Spanish at 0.94. The check blocks
 * what it is sure is in the wrong language, and of a field whose own words are more likely than not in the right one
 * it is not. The probability, not the confidence: the confidence is lowered below 20 letters so that a short text
 * never blocks on its own, and a frame of 16–19 letters ("Resume en una frase:", Spanish at 0.61, confidence 0.48)
 * is no less likely Spanish for being short.
 */
export const QUOTING_FRAME_MIN_PROBABILITY = 0.5;
/**
 * A frame with too few letters to judge (fewer than LANGUAGE_CHECK_MIN_LETTERS: "Traduce:", "Tradueix:") lets its
 * field through unless it speaks against the item's language: the model gives that language at least this probability.
 * "Traduce:" is Spanish at 0.23 and Galician at 0.21, and Catalan at 0.08, so it passes in Spanish and Galician items
 * and not in Catalan ones. On the development sets, every short frame around a quotation in another language than the
 * item's gave the item's language 0.061 or less ("For," in English dialogue), so none of those lines passes
 * (docs/language-identification.md).
 */
export const SHORT_QUOTING_FRAME_MIN_PROBABILITY = 0.1;

/** What the checks read of an item: its language, and what the shape rules read. */
export interface ItemDraftForCheck extends ShapeCheckedItem {
  language: ItemLanguage;
}

export interface QualityOverrides {
  languageJustification?: string | null;
  piiDeclaredFictional?: boolean;
}

export interface QualityCheckDeps {
  identifyLanguage?: (
    text: string,
  ) => Pick<LanguageGuess, "language" | "confidence"> & Partial<Pick<LanguageGuess, "alternatives" | "confidenceNotIn" | "probabilityOf">>;
}

/**
 * Whether a field has the letters (LANGUAGE_CHECK_MIN_LETTERS) for a language mismatch to block it at all, counted
 * outside its Markdown code, which the identifier does not read either.
 */
export function hasLettersForLanguageCheck(text: string): boolean {
  return (withoutMarkdownCode(text).match(/\p{L}/gu)?.length ?? 0) >= LANGUAGE_CHECK_MIN_LETTERS;
}

type Identify = NonNullable<QualityCheckDeps["identifyLanguage"]>;
type Guess = ReturnType<Identify>;

/** Whether the identifier is sure enough of its own verdict to block on it; otherwise only ruling out can block. */
const isConfidentVerdict = (guess: Guess) => guess.confidence >= LANGUAGE_MISMATCH_MIN_CONFIDENCE;

/**
 * How sure the submit check is that `text` is not in `expected`, when that is sure enough to block (a confident
 * other language, or `expected` all but ruled out, and not a quotation framed in `expected`), else undefined. The
 * one place the blocking rule lives: the check and the evaluation of its power (scripts/language-model/evaluate.ts)
 * both ask it. `identify` reads the frame of a quotation, and only of a field that would otherwise be blocked.
 */
export function blockingMismatchConfidence(
  text: string,
  guess: Guess,
  expected: ItemLanguage,
  identify: Identify = identifyLanguage,
): number | undefined {
  if (guess.language === expected || !hasLettersForLanguageCheck(text)) return undefined;
  const notExpected = guess.confidenceNotIn?.[expected] ?? 0;
  if (!isConfidentVerdict(guess) && notExpected < LANGUAGE_RULED_OUT_MIN_CONFIDENCE) return undefined;
  if (quotesInFrameOf(text, expected, identify)) return undefined;
  return Math.max(guess.confidence, notExpected);
}

/**
 * Whether `text` quotes something and its own words, without the quotations, lean to `expected`, or are too few to
 * judge and do not speak against it.
 */
function quotesInFrameOf(text: string, expected: ItemLanguage, identify: Identify): boolean {
  // Quotation marks inside code (`"`, a string literal) are no quotation, and could pair with one in the prose.
  const prose = withoutMarkdownCode(text);
  const frame = withoutQuotations(prose);
  if (frame === prose) return false;
  const guess = identify(frame);
  if (guess.language === expected && (guess.probabilityOf?.[expected] ?? guess.confidence) >= QUOTING_FRAME_MIN_PROBABILITY) return true;
  return !hasLettersForLanguageCheck(frame) && (guess.probabilityOf?.[expected] ?? 0) >= SHORT_QUOTING_FRAME_MIN_PROBABILITY;
}

/** A second language is named beside the likeliest only when it has at least this probability. */
const RUNNER_UP_MIN_PROBABILITY = 0.2;

/**
 * When a field is blocked only because the item's language is ruled out, the identifier is torn between two
 * languages (Portuguese 0.57, Galician 0.43): the other one, so the writer reads "looks like Portuguese (or perhaps
 * Galician)" rather than being told it is simply Portuguese.
 */
function runnerUpLanguage(guess: Guess, named: string, expected: ItemLanguage): string | undefined {
  return guess.alternatives?.find(
    (alternative) => alternative.language !== named && alternative.language !== expected && alternative.probability >= RUNNER_UP_MIN_PROBABILITY,
  )?.language;
}

function languageProblem(
  field: CheckedField,
  text: string,
  guess: Guess,
  expected: ItemLanguage,
  justified: boolean,
  identify: Identify,
): QualityProblem[] {
  const confidence = blockingMismatchConfidence(text, guess, expected, identify);
  if (confidence === undefined) return [];
  // For "other", the neighbour it most likely is, so the writer reads "looks like Portuguese".
  const likely = likelyOtherLanguage({ language: guess.language, alternatives: guess.alternatives ?? [] });
  const alsoLikely = isConfidentVerdict(guess) ? undefined : runnerUpLanguage(guess, likely ?? guess.language, expected);
  return [
    {
      code: "language_mismatch",
      field,
      severity: "block",
      overridable: true,
      overridden: justified,
      params: {
        detected: guess.language,
        expected,
        confidence: Math.round(confidence * 1000) / 1000,
        ...(likely ? { likely } : {}),
        ...(alsoLikely ? { alsoLikely } : {}),
      },
    },
  ];
}

function piiProblem(field: CheckedField, report: FieldReport, declaredFictional: boolean): QualityProblem[] {
  if (report.pii.length === 0) return [];
  const types = [...new Set(report.pii.map((m) => m.type))].sort().join(",");
  return [
    {
      code: "pii_found",
      field,
      severity: "block",
      overridable: true,
      overridden: declaredFictional,
      params: { types, count: report.pii.length },
    },
  ];
}

export function checkItem(item: ItemDraftForCheck, overrides: QualityOverrides = {}, deps: QualityCheckDeps = {}): QualityReport {
  const detect = deps.identifyLanguage ?? identifyLanguage;
  const justified = (overrides.languageJustification?.trim() ?? "") !== "";
  const declaredFictional = overrides.piiDeclaredFictional === true;
  const texts: [CheckedField, string][] = [["instruction", item.instruction]];
  if (item.context && item.context.trim() !== "") texts.push(["context", item.context]);
  texts.push(["response", item.response]);

  const fields: QualityReport["fields"] = {};
  const problems: QualityProblem[] = [];
  for (const [field, text] of texts) {
    const guess = detect(text);
    // What it is sure the text is not, and the four probabilities behind it, stay out of the stored report, which says
    // what the text is.
    const { confidenceNotIn: _, probabilityOf: __, ...language } = guess;
    const report: FieldReport = { language, pii: findPii(text), length: countCharacters(text) };
    fields[field] = report;
    problems.push(...languageProblem(field, text, guess, item.language, justified, detect));
    problems.push(...piiProblem(field, report, declaredFictional));
  }
  problems.push(...checkShape(item));
  return { fields, problems, blocked: isBlocking(problems) };
}
