"use client";
// Maintainers' view of authorship evidence: per annotator for a period, the share of submissions flagged and the share
// of text pasted or inserted without typing (sortable, CSV), and the flagged submissions themselves, filtered by flag.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useFigureFormat } from "@/components/productivity/format-figures";
import { useState } from "react";
import { callOperation } from "@/components/api-client";
import { useErrorMessage } from "@/components/errors/use-error-message";
import * as reports from "@/lib/http/operations/reports";
import { EVIDENCE_FLAGS, type EvidenceFlag, type ProvenanceReportRow } from "@/lib/provenance/schemas";
import { TableRegion } from "@/components/layout/table-region";

type SortKey = "annotatorName" | "submissions" | "flaggedShare" | "pastedShare" | "insertedShare" | "implausible";
const NUMERIC: SortKey[] = ["submissions", "flaggedShare", "pastedShare", "insertedShare", "implausible"];

export function ProvenanceDashboard({ initialFrom, initialTo }: { initialFrom: string; initialTo: string }) {
  const t = useTranslations("provenance.admin");
  const tProvenance = useTranslations("provenance");
  // Through the global Intl when it formats, so the locale data LocaleDataGate installs (Basque, Galician) is used.
  const format = useFigureFormat();
  const locale = useLocale();
  const describeError = useErrorMessage();
  const [period, setPeriod] = useState({ from: initialFrom, to: initialTo });
  const [flag, setFlag] = useState<EvidenceFlag | "implausible" | "">("");
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: "flaggedShare", ascending: false });
  const report = useQuery({
    queryKey: ["provenance", period],
    queryFn: () => callOperation(reports.getProvenanceReport, { query: period }),
    placeholderData: keepPreviousData,
  });
  const flagged = useQuery({
    queryKey: ["provenance-flagged", period, flag],
    queryFn: () => callOperation(reports.listFlaggedSubmissions, { query: { ...period, ...(flag ? { flag } : {}) } }),
    placeholderData: keepPreviousData,
  });
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 1 });
  const rows = [...(report.data?.rows ?? [])].sort((a: ProvenanceReportRow, b: ProvenanceReportRow) => {
    const [x, y] = [a[sort.key], b[sort.key]];
    const order = typeof x === "string" ? x.localeCompare(String(y), locale) : x - Number(y);
    return (sort.ascending ? order : -order) || a.annotatorName.localeCompare(b.annotatorName, locale);
  });
  const columns: { key: SortKey; label: string; render: (row: ProvenanceReportRow) => string }[] = [
    { key: "annotatorName", label: t("annotator"), render: (row) => row.annotatorName },
    { key: "submissions", label: t("submissions"), render: (row) => format.number(row.submissions) },
    { key: "flaggedShare", label: t("flaggedShare"), render: (row) => percent(row.flaggedShare) },
    { key: "pastedShare", label: t("pastedShare"), render: (row) => percent(row.pastedShare) },
    { key: "insertedShare", label: t("insertedShare"), render: (row) => percent(row.insertedShare) },
    { key: "implausible", label: t("implausible"), render: (row) => format.number(row.implausible) },
  ];
  const choose = (key: SortKey) =>
    setSort((current) => (current.key === key ? { key, ascending: !current.ascending } : { key, ascending: !NUMERIC.includes(key) }));
  const csvHref = `${reports.exportProvenanceReport.path}?${new URLSearchParams(period).toString()}`;

  return (
    <div className="stack-large">
      <div className="row">
        <label>
          {t("from")}
          <input type="date" value={period.from} onChange={(event) => event.target.value && setPeriod({ ...period, from: event.target.value })} />
        </label>
        <label>
          {t("to")}
          <input type="date" value={period.to} onChange={(event) => event.target.value && setPeriod({ ...period, to: event.target.value })} />
        </label>
      </div>
      <section className="stack" aria-labelledby="annotators-title">
        <div className="spread">
          <h2 id="annotators-title">{t("annotatorsTitle")}</h2>
          <a href={csvHref} download className="button-link">
            {t("downloadCsv")}
          </a>
        </div>
        {report.error && <p className="error">{describeError(report.error).text}</p>}
        {report.data && rows.length === 0 && <p>{t("noSubmissions")}</p>}
        {rows.length > 0 && (
          <TableRegion label={t("annotatorsTitle")} className="evidence-scroll">
            <table data-testid="provenance-table" aria-describedby="provenance-sort-hint">
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th
                      key={column.key}
                      scope="col"
                      aria-sort={sort.key === column.key ? (sort.ascending ? "ascending" : "descending") : "none"}
                    >
                      <button type="button" className="link-button" onClick={() => choose(column.key)}>
                        {column.label}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.annotatorId} data-testid="provenance-row">
                    {columns.map((column, index) =>
                      index === 0 ? (
                        <th key={column.key} scope="row">
                          {column.render(row)}
                        </th>
                      ) : (
                        <td key={column.key}>{column.render(row)}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            <p id="provenance-sort-hint" className="muted small-text">
              {t("sortHint")}
            </p>
          </TableRegion>
        )}
      </section>
      <section className="stack" aria-labelledby="flagged-title">
        <h2 id="flagged-title">{t("flaggedTitle")}</h2>
        <label htmlFor="evidence-flag-filter">{t("flagFilter")}</label>
        <select
          id="evidence-flag-filter"
          value={flag}
          onChange={(event) => setFlag(event.target.value as EvidenceFlag | "implausible" | "")}
        >
          <option value="">{t("anyFlag")}</option>
          {EVIDENCE_FLAGS.map((code) => (
            <option key={code} value={code}>
              {tProvenance(`flags.${code}.title`)}
            </option>
          ))}
          <option value="implausible">{t("implausibleFlag")}</option>
        </select>
        {flagged.error && <p className="error">{describeError(flagged.error).text}</p>}
        {flagged.data && flagged.data.submissions.length === 0 && <p>{t("noFlagged")}</p>}
        {flagged.data && flagged.data.submissions.length > 0 && (
          <ul className="stack" data-testid="flagged-submissions">
            {flagged.data.submissions.map((submission) => (
              <li key={`${submission.itemId}-${submission.revisionNumber}`} data-testid="flagged-submission">
                <Link href={`/history/${submission.itemId}`}>{t("itemLink", { name: submission.annotatorName, number: submission.revisionNumber })}</Link>{" "}
                <span className="muted small-text">{format.dateTime(new Date(submission.submittedAt), { dateStyle: "medium", timeStyle: "short" })}</span>
                <br />
                <span className="small-text">
                  {[...submission.flags.map((code) => tProvenance(`flags.${code}.title`)), ...(submission.implausible ? [t("implausibleFlag")] : [])].join(" · ")}
                </span>
                {submission.note && <span className="muted small-text"> — {submission.note}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
