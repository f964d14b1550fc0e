// The shape of a quality report: coded problems (translated by the UI's catalogs) and per-field findings.
import type { DetectedLanguage } from "./language";
import type { PiiMatch } from "./pii";
import type { ProblemCode, ProblemField } from "@/lib/vocabulary";

export type CheckedField = "instruction" | "context" | "response";

export interface QualityProblem {
  code: ProblemCode;
  field: ProblemField;
  severity: "block" | "warn";
  overridable: boolean;
  overridden: boolean;
  params: Record<string, string | number>;
}

export interface FieldReport {
  language: { language: DetectedLanguage; confidence: number };
  pii: PiiMatch[];
  length: number;
}

export interface QualityReport {
  fields: Partial<Record<CheckedField, FieldReport>>;
  problems: QualityProblem[];
  blocked: boolean;
}

/** A rule violation that blocks submission and cannot be waived (length, shape, template, source). */
export function blockingProblem(
  code: ProblemCode,
  field: ProblemField,
  params: Record<string, string | number> = {},
): QualityProblem {
  return { code, field, severity: "block", overridable: false, overridden: false, params };
}

export function isBlocking(problems: readonly QualityProblem[]): boolean {
  return problems.some((p) => p.severity === "block" && !p.overridden);
}

/**
 * The report with more problems appended and `blocked` recomputed; the database layer uses it to add
 * `exact_duplicate` / `near_duplicate` findings that need stored items to decide.
 */
export function withProblems(report: QualityReport, problems: readonly QualityProblem[]): QualityReport {
  const all = [...report.problems, ...problems];
  return { ...report, problems: all, blocked: isBlocking(all) };
}
