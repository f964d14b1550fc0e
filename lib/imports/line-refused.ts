// A line of an import that is refused, with the field it is refused for; everything else a line can throw stops the
// import.
import { AppError } from "@/lib/errors";
import type { QualityReport } from "@/lib/quality/check-item";

export class LineRefused extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

export function refusalOf(error: unknown): LineRefused | null {
  if (error instanceof LineRefused) return error;
  if (error instanceof AppError && (error.code === "validation_failed" || error.code === "forbidden" || error.code === "not_found")) {
    const first = error.fields[0];
    // The first field names the problem; any others follow with their own names.
    const detail = error.fields.map((problem, index) => (index === 0 ? problem.message : `${problem.field}: ${problem.message}`)).join("; ");
    return new LineRefused(first?.field ?? "(line)", detail || error.message);
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
    }),
  );
}
