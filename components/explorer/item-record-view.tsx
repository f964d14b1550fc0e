// The whole item on its page: the current text of every field and what it declared, the releases it is in, its
// adjudications and (for maintainers) its audit trail. Reviews, revisions and diffs are ItemFeedback's.
import { useFormatter, useTranslations } from "next-intl";
import type { ItemRecord } from "@/lib/explorer/get-item-record";
import type { ItemHistoryView } from "@/lib/reviews/schemas";

export function ItemFullText({ item }: { item: ItemHistoryView["item"] }) {
  const t = useTranslations("explorer.item");
  const tRoot = useTranslations();
  const field = (label: string, value: string | null, testId: string) => (
    <div>
      <dt>{label}</dt>
      <dd className="pre" data-testid={testId}>
        {value === null || value === "" ? <span className="muted">{t("empty")}</span> : value}
      </dd>
    </div>
  );
  return (
    <section className="card stack" aria-labelledby="item-text-heading" data-testid="item-full-text">
      <h2 id="item-text-heading">{t("textTitle")}</h2>
      <p className="small-text">
        {tRoot(`languages.${item.language}`)}
        {item.variety ? ` (${item.variety})` : ""} · {tRoot(`categories.${item.category}`)}
        {item.guidelineVersion !== null ? ` · ${t("guidelineVersion", { version: item.guidelineVersion })}` : ""}
      </p>
      <dl className="item-fields">
        {field(tRoot("history.fields.instruction"), item.instruction, "item-instruction")}
        {field(tRoot("history.fields.context"), item.context, "item-context")}
        {field(tRoot("history.fields.response"), item.response, "item-response")}
        {field(t("source"), [item.sourceUrl, item.sourceLicense].filter(Boolean).join(" · ") || null, "item-source")}
        {field(t("languageJustification"), item.languageJustification, "item-language-justification")}
        {field(t("piiDeclaredFictional"), item.piiDeclaredFictional ? tRoot("common.yes") : tRoot("common.no"), "item-pii-fictional")}
      </dl>
    </section>
  );
}

export function ItemRecordView({ record }: { record: ItemRecord }) {
  const t = useTranslations("explorer.item");
  const tDecision = useTranslations("reviewDecisions");
  const format = useFormatter();
  const when = (at: string) => format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <section className="card stack" aria-labelledby="item-releases-heading" data-testid="item-releases">
        <h2 id="item-releases-heading">{t("releasesTitle")}</h2>
        {record.releases.length === 0 ? (
          <p className="muted">{t("noReleases")}</p>
        ) : (
          <ul>
            {record.releases.map((release) => (
              <li key={release.version}>
                {release.publishedAt ? t("releasePublished", { version: release.version, date: when(release.publishedAt) }) : t("releaseUnpublished", { version: release.version })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card stack" aria-labelledby="item-adjudications-heading" data-testid="item-adjudications">
        <h2 id="item-adjudications-heading">{t("adjudicationsTitle")}</h2>
        {record.adjudications.length === 0 ? (
          <p className="muted">{t("noAdjudications")}</p>
        ) : (
          <ul>
            {record.adjudications.map((adjudication) => (
              <li key={adjudication.round}>
                {adjudication.decision && adjudication.resolvedAt
                  ? t("adjudicationResolved", {
                      round: adjudication.round,
                      decision: tDecision(adjudication.decision),
                      name: adjudication.resolvedByName ?? "—",
                      date: when(adjudication.resolvedAt),
                    })
                  : t("adjudicationOpen", { round: adjudication.round })}
                {adjudication.comment && <p className="pre">{adjudication.comment}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {record.audit && (
        <section className="card stack" aria-labelledby="item-audit-heading" data-testid="item-audit">
          <h2 id="item-audit-heading">{t("auditTitle")}</h2>
          <ol className="small-text">
            {record.audit.map((event) => (
              <li key={event.id}>
                {when(event.at)} · <code>{event.action}</code> · {event.actorName ?? t("system")}
                {event.reason ? ` · ${event.reason}` : ""}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
