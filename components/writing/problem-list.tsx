"use client";
// Quality problems in the UI language: alerts next to a field after a refused submit, quiet hints while typing.
import { useTranslations } from "next-intl";
import type { QualityProblem } from "@/lib/quality/quality-report";
import { PII_TYPES, type PiiType } from "@/lib/vocabulary";
import { useDetectedLanguageName } from "@/components/writing/language-name";

export function useProblemMessage() {
  const t = useTranslations("quality");
  const languageName = useDetectedLanguageName();
  return (problem: QualityProblem) => {
    const params: Record<string, string | number> = { ...problem.params };
    if (problem.code === "language_mismatch") {
      params.detected = languageName(problem.params.detected, problem.params.likely);
      params.expected = languageName(problem.params.expected);
    }
    if (problem.code === "pii_found" && typeof params.types === "string") {
      params.types = params.types
        .split(",")
        .map((type) => (PII_TYPES.includes(type as PiiType) ? t(`piiTypes.${type as PiiType}`) : type))
        .join(", ");
    }
    if (problem.code === "near_duplicate" && typeof params.ids === "string") params.ids = params.ids.split(",").join(", ");
    return t(problem.code, params);
  };
}

export function ProblemList({ problems, hint = false, id }: { problems: QualityProblem[]; hint?: boolean; id?: string }) {
  const message = useProblemMessage();
  if (problems.length === 0) return null;
  return (
    <ul id={id} className={hint ? "problems hints" : "problems"} role={hint ? "status" : "alert"} data-testid={hint ? "live-hint" : "problems"}>
      {problems.map((problem, index) => (
        <li key={`${problem.code}-${index}`} className={problem.severity === "block" && !hint ? "error" : "muted"}>
          {message(problem)}
        </li>
      ))}
    </ul>
  );
}
