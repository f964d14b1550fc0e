// The quality report of the revision under review: detected language per field, personal data, and the problems
// the checks found (with the similar items a near duplicate points to), plus what the author declared about them.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ItemView } from "@/lib/items/schemas";
import type { ItemHistoryView } from "@/lib/reviews/schemas";
import { likelyOtherLanguage } from "@/lib/quality/language/languages";
import { PROBLEM_CODES } from "@/lib/vocabulary";
import { TEXT_FIELDS } from "@/components/reviews/word-diff";
import { mismatchMessage, useDetectedLanguageName } from "@/components/writing/language-name";
import { TableRegion } from "@/components/layout/table-region";
import { piiTypeNames } from "@/components/writing/pii-type-names";

type Report = NonNullable<ItemHistoryView["revisions"][number]["qualityReport"]>;
type Problem = Report["problems"][number];

/** A report stored before a code was retired may still carry it; it is shown as it is rather than failing the page. */
const KNOWN_PROBLEMS: ReadonlySet<string> = new Set(PROBLEM_CODES);

/** One quality problem in the reader's words, "<field>: <what is wrong>" (also for an import's refused lines). */
export function ProblemText({ problem }: { problem: Pick<Problem, "code" | "field" | "params"> }) {
  const t = useTranslations("reviewScreen");
  const languageName = useDetectedLanguageName();
  const tQuality = useTranslations("quality");
  const field = t(`fields.${problem.field}`);
  if (problem.code === "near_duplicate" || problem.code === "exact_duplicate") {
    const ids = String(problem.params.ids ?? "").split(",").filter(Boolean);
    return (
      <>
        {t(`problems.${problem.code}`, { field, count: ids.length })}{" "}
        {ids.map((id) => (
          <Link key={id} href={`/history/${id}`} className="item-id">
            <code>{id}</code>
          </Link>
        ))}
      </>
    );
  }
  if (!KNOWN_PROBLEMS.has(problem.code)) return <>{`${field}: ${problem.code}`}</>;
  const params = Object.fromEntries(Object.entries(problem.params).map(([key, value]) => [key, String(value)]));
  if (problem.code === "language_mismatch") {
    const { key, names } = mismatchMessage(languageName, params);
    return <>{t(`problems.${key}`, { ...params, ...names, field })}</>;
  }
  if (problem.code === "pii_found") params.types = piiTypeNames(params.types ?? "", (type) => tQuality(`piiTypes.${type}`));
  return <>{t(`problems.${problem.code}`, { ...params, field })}</>;
}

export function QualitySummary({ report, item }: { report: Report | null; item: ItemView }) {
  const t = useTranslations("reviewScreen");
  const tQuality = useTranslations("quality");
  const languageName = useDetectedLanguageName();
  return (
    <section className="card stack" aria-labelledby="quality-heading" data-testid="quality-report">
      <h2 id="quality-heading">{t("qualityTitle")}</h2>
      {report ? (
        <>
          <TableRegion label={t("qualityTitle")}>
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">{t("field")}</th>
                  <th scope="col">{t("detectedLanguage")}</th>
                  <th scope="col">{t("personalData")}</th>
                </tr>
              </thead>
              <tbody>
                {TEXT_FIELDS.map((field) => {
                  const entry = report.fields[field];
                  if (!entry) return null;
                  return (
                    <tr key={field}>
                      <th scope="row">{t(`fields.${field}`)}</th>
                      <td>
                        {t("languageWithConfidence", {
                          language: languageName(entry.language.language, likelyOtherLanguage(entry.language)),
                          confidence: Math.round(entry.language.confidence * 100),
                        })}
                      </td>
                      <td>
                        {entry.pii.length === 0
                          ? t("noPersonalData")
                          : [...new Set(entry.pii.map((match) => tQuality(`piiTypes.${match.type}`)))].join(", ")}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
          {report.problems.length === 0 ? (
            <p className="muted">{t("noProblems")}</p>
          ) : (
            <ul className="problems" data-testid="quality-problems">
              {report.problems.map((problem, index) => (
                <li key={index} className={problem.severity === "block" && !problem.overridden ? "error" : undefined}>
                  <ProblemText problem={problem} />
                  {problem.overridden && <span className="muted"> {t("overridden")}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="muted">{t("noReport")}</p>
      )}
      <dl className="inline-facts">
        <dt>{t("languageJustification")}</dt>
        <dd data-testid="language-justification">{item.languageJustification || t("none")}</dd>
        <dt>{t("piiDeclaredFictional")}</dt>
        <dd>{item.piiDeclaredFictional ? t("yes") : t("no")}</dd>
      </dl>
    </section>
  );
}
