// A refused import line's problem in the reader's language, from its code: the quality checks' own words for the
// codes they share with submissions, the importProblems group for the rest. A report written before problems had
// codes has only the server's English message, which is shown as it is.
import { useTranslations } from "next-intl";
import { ProblemText } from "@/components/reviews/quality-summary";
import type { ImportSummary } from "@/lib/imports/schemas";
import { PROBLEM_CODES, PROBLEM_FIELDS, type ProblemCode, type ProblemField } from "@/lib/vocabulary";

type ImportProblem = ImportSummary["problems"][number];

const isQualityProblem = (problem: ImportProblem): problem is ImportProblem & { code: ProblemCode; field: ProblemField } =>
  (PROBLEM_CODES as readonly (string | undefined)[]).includes(problem.code) && (PROBLEM_FIELDS as readonly string[]).includes(problem.field);

export function ImportProblemText({ problem }: { problem: ImportProblem }) {
  const t = useTranslations();
  if (isQualityProblem(problem)) return <ProblemText problem={{ code: problem.code, field: problem.field, params: problem.params ?? {} }} />;
  if (!problem.code || !t.has(`importProblems.${problem.code}`)) return <>{problem.message}</>;
  const params = problem.params ?? {};
  return (
    <>
      {t(`importProblems.${problem.code}`, {
        kib: Number(params.kib ?? 0),
        status: typeof params.status === "string" && t.has(`itemStatuses.${params.status}`) ? t(`itemStatuses.${params.status}`) : String(params.status ?? ""),
        language: typeof params.language === "string" && t.has(`languages.${params.language}`) ? t(`languages.${params.language}`) : String(params.language ?? ""),
      })}
    </>
  );
}
