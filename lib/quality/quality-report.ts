// A quality report: coded problems (translated by the UI's catalogs) and per-field findings. Its shape is the zod
// schema in `schemas.ts` (the API's QualityReport); the types here are inferred from it.
import type { z } from "zod";
import type { fieldReportSchema, qualityProblemSchema, qualityReportSchema } from "./schemas";
import type { ProblemCode, ProblemField } from "@/lib/vocabulary";

export type CheckedField = keyof QualityReport["fields"];
export type QualityProblem = z.infer<typeof qualityProblemSchema>;
export type FieldReport = z.infer<typeof fieldReportSchema>;
export type QualityReport = z.infer<typeof qualityReportSchema>;

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
