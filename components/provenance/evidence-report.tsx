// How a text came to be, as its writer's editor counted it: per field a typed-versus-inserted bar and the counters,
// then the flags raised at submission with plain explanations, the writer's note, and a warning when the counters are
// implausible (shown, never trusted). The same view serves the author (their own counters) and reviewers.
import { useFormatter, useTranslations } from "next-intl";
import { EVIDENCE_FIELDS, PLAUSIBILITY_PROBLEMS, type WritingEvidenceView } from "@/lib/provenance/schemas";
import { TableRegion } from "@/components/layout/table-region";

const KNOWN_PROBLEMS: ReadonlySet<string> = new Set(PLAUSIBILITY_PROBLEMS);

function TypedBar({ typed, inserted, label }: { typed: number; inserted: number; label: string }) {
  const entered = typed + inserted;
  const typedShare = entered === 0 ? 0 : (typed * 100) / entered;
  return (
    <span className="evidence-bar" role="img" aria-label={label}>
      <span className="typed" style={{ width: `${typedShare}%` }} />
      <span className="inserted" style={{ width: `${entered === 0 ? 0 : 100 - typedShare}%` }} />
    </span>
  );
}

function WriterNote({ note }: { note: string | null }) {
  const t = useTranslations("provenance");
  if (!note) return null;
  return (
    <p>
      <strong>{t("noteLabel")}</strong> <span className="pre" data-testid="evidence-note">{note}</span>
    </p>
  );
}

/** Whether any counter was reported at all (a submission's note may come without them). */
function counted(evidence: WritingEvidenceView): boolean {
  return EVIDENCE_FIELDS.some((field) => {
    const counters = evidence.fields[field];
    return counters.typed + counters.pasted + counters.dropped + counters.other + counters.restored + counters.deleted > 0;
  });
}

export function EvidenceReport({ evidence, heading, testId }: { evidence: WritingEvidenceView | null; heading: string; testId: string }) {
  const t = useTranslations("provenance");
  const tFields = useTranslations("history.fields");
  const format = useFormatter();
  const percent = (part: number, whole: number) => format.number(whole === 0 ? 0 : part / whole, { style: "percent", maximumFractionDigits: 0 });
  return (
    <section className="card stack" data-testid={testId} aria-label={heading}>
      <h3>{heading}</h3>
      {!evidence ? (
        <p className="muted">{t("noEvidence")}</p>
      ) : !counted(evidence) ? (
        <>
          <p className="muted">{t("noEvidence")}</p>
          <WriterNote note={evidence.note} />
        </>
      ) : (
        <>
          {evidence.implausible && (
            <div className="card error-box evidence-implausible" role="note" data-testid="evidence-implausible">
              <p className="error">
                <strong>{t("implausible")}</strong>
              </p>
              <ul className="small-text">
                {evidence.reasons.map((reason) => {
                  const [problem = "", at = ""] = reason.split(":");
                  return <li key={reason}>{KNOWN_PROBLEMS.has(problem) ? t(`reasons.${problem as (typeof PLAUSIBILITY_PROBLEMS)[number]}`, { at }) : reason}</li>;
                })}
              </ul>
            </div>
          )}
          <TableRegion label={heading} className="evidence-scroll">
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">{t("field")}</th>
                  <th scope="col">{t("share")}</th>
                  <th scope="col">{t("typed")}</th>
                  <th scope="col">{t("pasted")}</th>
                  <th scope="col">{t("dropped")}</th>
                  <th scope="col">{t("other")}</th>
                  <th scope="col">{t("deleted")}</th>
                  <th scope="col">{t("activeTime")}</th>
                  <th scope="col">{t("fastest")}</th>
                </tr>
              </thead>
              <tbody>
                {EVIDENCE_FIELDS.map((field) => {
                  const counters = evidence.fields[field];
                  const inserted = counters.pasted + counters.dropped + counters.other;
                  if (counters.typed + inserted + counters.deleted === 0 && field === "context") return null;
                  return (
                    <tr key={field} data-testid={`evidence-${field}`}>
                      <th scope="row">{tFields(field)}</th>
                      <td>
                        <TypedBar
                          typed={counters.typed}
                          inserted={inserted}
                          label={t("barLabel", { typed: percent(counters.typed, counters.typed + inserted), inserted: percent(inserted, counters.typed + inserted) })}
                        />
                      </td>
                      <td data-testid={`evidence-${field}-typed`}>{format.number(counters.typed)}</td>
                      <td data-testid={`evidence-${field}-pasted`}>
                        {format.number(counters.pasted)}
                        {counters.pasteSizes.length > 0 && (
                          <span className="muted small-text"> ({t("sizes", { sizes: counters.pasteSizes.map((size) => format.number(size)).join(", ") })})</span>
                        )}
                      </td>
                      <td data-testid={`evidence-${field}-dropped`}>
                        {format.number(counters.dropped)}
                        {counters.dropSizes.length > 0 && (
                          <span className="muted small-text"> ({t("sizes", { sizes: counters.dropSizes.map((size) => format.number(size)).join(", ") })})</span>
                        )}
                      </td>
                      <td>{format.number(counters.other)}</td>
                      <td>{format.number(counters.deleted)}</td>
                      <td>{t("seconds", { seconds: format.number(Math.round(counters.activeMs / 1000)) })}</td>
                      <td>{t("perMinute", { rate: format.number(counters.longestBurstCpm) })}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
          {evidence.flags.length > 0 && (
            <div>
              <ul className="evidence-flags" data-testid="evidence-flags">
                {evidence.flags.map((flag) => (
                  <li key={flag} data-flag={flag}>
                    <strong>{t(`flags.${flag}.title`)}</strong> {t(`flags.${flag}.explanation`)}
                  </li>
                ))}
              </ul>
              <p className="muted small-text">{t("flagsAreEvidence")}</p>
            </div>
          )}
          <WriterNote note={evidence.note} />
        </>
      )}
    </section>
  );
}
