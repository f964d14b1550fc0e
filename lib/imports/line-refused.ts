// A line of an import that is refused, with the field it is refused for and a code the UI words in the reader's
// language (the English message stays for the CLI and older clients); everything else a line can throw stops the
// import.
import { AppError } from "@/lib/errors";
import type { QualityReport } from "@/lib/quality/check-item";
import { PROBLEM_CODES, type ProblemCode } from "@/lib/vocabulary";
import type { ImportProblemCode } from "@/lib/imports/schemas";

export type LineRefusalParams = Record<string, string | number>;

export class LineRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly code: ImportProblemCode,
    readonly params: LineRefusalParams = {},
  ) {
    super(message);
  }
}

const isProblemCode = (value: string): value is ProblemCode => (PROBLEM_CODES as readonly string[]).includes(value);

/** The code of an AppError's first field: a quality check's own code, else what the error's code means for a line. */
function codeOf(error: AppError, first: { field: string; message: string } | undefined): { code: ImportProblemCode; params: LineRefusalParams } {
  if (first && isProblemCode(first.message)) {
    const quality = (error.details as { quality?: QualityReport } | undefined)?.quality;
    const problem = quality?.problems.find((entry) => entry.code === first.message && entry.field === first.field);
    return { code: first.message, params: (problem?.params ?? {}) as LineRefusalParams };
  }
  return { code: error.code === "forbidden" ? "not_allowed" : error.code === "not_found" ? "not_found" : "invalid", params: {} };
}

export function refusalOf(error: unknown): LineRefused | null {
  if (error instanceof LineRefused) return error;
  if (error instanceof AppError && (error.code === "validation_failed" || error.code === "forbidden" || error.code === "not_found")) {
    const first = error.fields[0];
    // The first field names the problem; any others follow with their own names.
    const detail = error.fields.map((problem, index) => (index === 0 ? problem.message : `${problem.field}: ${problem.message}`)).join("; ");
    const { code, params } = codeOf(error, first);
    return new LineRefused(first?.field ?? "(line)", detail || error.message, code, params);
  }
  return null;
}

/** The refusal of a report's blocking problems, worded as a refused submission's (see recordRevision). */
export function qualityRefusal(report: QualityReport, { firstOnly = false } = {}): LineRefused | null {
  const blocking = report.problems.filter((problem) => problem.severity === "block" && !problem.overridden);
  if (blocking.length === 0) return null;
  return refusalOf(
    new AppError("validation_failed", "The line has problems that block submission.", {
      fields: (firstOnly ? blocking.slice(0, 1) : blocking).map((problem) => ({ field: problem.field, message: problem.code })),
      details: { quality: report },
    }),
  );
}
