"use client";
// Quality problems in the UI language: alerts next to a field after a refused submit, quiet hints while typing.
import { useTranslations } from "next-intl";
import type { QualityProblem } from "@/lib/quality/quality-report";
import { PII_TYPES, type PiiType } from "@/lib/vocabulary";
import { mismatchMessage, useDetectedLanguageName } from "@/components/writing/language-name";
import { piiTypeNames } from "@/components/writing/pii-type-names";

export function useProblemMessage() {
  const t = useTranslations("quality");
  const languageName = useDetectedLanguageName();
  return (problem: QualityProblem) => {
    const params: Record<string, string | number> = { ...problem.params };
    if (problem.code === "language_mismatch") {
      const { key, names } = mismatchMessage(languageName, problem.params);
      return t(key, { ...params, ...names });
    }
    if (problem.code === "pii_found" && typeof params.types === "string") params.types = piiTypeNames(params.types, (type) => t(`piiTypes.${type}`));
    if (problem.code === "near_duplicate" && typeof params.ids === "string") params.ids = params.ids.split(",").join(", ");
    return t(problem.code, params);
  };
}

/**
 * Hints sit in a live region that is always in the page (a region added together with its text is often not
 * announced), wrapping the list: `role="status"` on the `<ul>` itself would strip the list's semantics.
 */
export function ProblemList({ problems, hint = false, id }: { problems: QualityProblem[]; hint?: boolean; id?: string }) {
  const message = useProblemMessage();
  const list = problems.length > 0 && (
    <ul id={id} className={hint ? "problems hints" : "problems"} data-testid={hint ? "live-hint" : "problems"}>
      {problems.map((problem, index) => (
        <li key={`${problem.code}-${index}`} className={problem.severity === "block" && !hint ? "error" : "muted"}>
          {message(problem)}
        </li>
      ))}
    </ul>
  );
  if (hint) return <div role="status">{list}</div>;
  return list ? <div role="alert">{list}</div> : null;
}
