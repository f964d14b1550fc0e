// Runs every quality check that needs no database on one item draft: language, PII and shape.
import { identifyLanguage, likelyOtherLanguage, type LanguageGuess } from "./language";
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
 * A mismatch only blocks when the detector is at least this sure; below it, es/ca/gl are too easy to confuse
 * on short or mixed text to stop someone from submitting.
 */
export const LANGUAGE_MISMATCH_MIN_CONFIDENCE = 0.8;
/** Fields with fewer letters than this (a name, a number, "Sí") say too little about their language. */
export const LANGUAGE_CHECK_MIN_LETTERS = 20;

/** What the checks read of an item: its language, and what the shape rules read. */
export interface ItemDraftForCheck extends ShapeCheckedItem {
  language: ItemLanguage;
}

export interface QualityOverrides {
  languageJustification?: string | null;
  piiDeclaredFictional?: boolean;
}

export interface QualityCheckDeps {
  identifyLanguage?: (text: string) => Pick<LanguageGuess, "language" | "confidence"> & Partial<Pick<LanguageGuess, "alternatives">>;
}

/** Whether a field has the letters (LANGUAGE_CHECK_MIN_LETTERS) for a language mismatch to block it at all. */
export function hasLettersForLanguageCheck(text: string): boolean {
  return (text.match(/\p{L}/gu)?.length ?? 0) >= LANGUAGE_CHECK_MIN_LETTERS;
}

function languageProblem(
  field: CheckedField,
  text: string,
  report: FieldReport,
  expected: ItemLanguage,
  justified: boolean,
): QualityProblem[] {
  const { language, confidence } = report.language;
  // For "other", the neighbour it most likely is, so the writer reads "looks like Portuguese".
  const likely = likelyOtherLanguage({ language, alternatives: report.language.alternatives ?? [] });
  const confidentMismatch =
    language !== expected &&
    confidence >= LANGUAGE_MISMATCH_MIN_CONFIDENCE &&
    hasLettersForLanguageCheck(text);
  if (!confidentMismatch) return [];
  return [
    {
      code: "language_mismatch",
      field,
      severity: "block",
      overridable: true,
      overridden: justified,
      params: {
        detected: language,
        expected,
        confidence: Math.round(confidence * 1000) / 1000,
        ...(likely ? { likely } : {}),
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
    const report: FieldReport = { language: detect(text), pii: findPii(text), length: countCharacters(text) };
    fields[field] = report;
    problems.push(...languageProblem(field, text, report, item.language, justified));
    problems.push(...piiProblem(field, report, declaredFictional));
  }
  problems.push(...checkShape(item));
  return { fields, problems, blocked: isBlocking(problems) };
}
