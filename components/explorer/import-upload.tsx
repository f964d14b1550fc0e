"use client";
// Maintainers import a JSONL file into a campaign from the explorer: the upload becomes a background job whose
// progress, counts and refused lines (number, field, and the problem in the reader's words) show here while it runs.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiRequestError, callOperation, type ApiFailure } from "@/components/api-client";
import { ProblemField, ProblemSummary, useFormProblems } from "@/components/errors/use-form-problems";
import { CampaignOptions } from "@/components/campaigns/campaign-options";
import { ImportProblemText } from "@/components/explorer/import-problem-text";
import { listCampaigns } from "@/lib/http/operations/campaigns";
import { createImportJob, getImportJob } from "@/lib/http/operations/imports";
import type { ImportJobView } from "@/lib/imports/schemas";
import { TableRegion } from "@/components/layout/table-region";

async function upload(file: File, options: { campaign: string; dryRun: boolean; update: boolean }): Promise<ImportJobView> {
  const query = new URLSearchParams({ campaign: options.campaign, dryRun: String(options.dryRun), update: String(options.update), fileName: file.name });
  // The file is the body as it is, not JSON, so callOperation (which sends JSON) is not used here.
  const response = await fetch(`${createImportJob.path}?${query.toString()}`, {
    method: "POST",
    headers: { "content-type": "application/x-ndjson" },
    body: file,
    credentials: "same-origin",
  });
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const failure = (payload as { error?: ApiFailure } | null)?.error;
    throw new ApiRequestError(response.status, failure ?? { code: "network", message: response.statusText, fields: [] });
  }
  return payload as ImportJobView;
}

export function ImportUpload() {
  const t = useTranslations("explorer.import");
  const campaigns = useQuery({ queryKey: ["campaigns"], queryFn: () => callOperation(listCampaigns) });
  const [campaign, setCampaign] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [update, setUpdate] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const job = useQuery({
    queryKey: ["import", jobId],
    queryFn: () => callOperation(getImportJob, { params: { jobId: jobId! } }),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && (query.state.data.status === "done" || query.state.data.status === "failed") ? false : 1000),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!campaign || !file);
    setFailure(null);
    if (!campaign || !file) return;
    setSending(true);
    try {
      setJobId((await upload(file, { campaign, dryRun, update })).id);
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  }

  // The campaign and the file's name travel in the query string, the file as the body.
  const problems = useFormProblems("import", failure, ["query.campaign", "query.fileName", "(body)"]);
  const campaignField = problems.field("query.campaign");
  const fileField = problems.field("query.fileName");
  const bodyField = problems.field("(body)");
  const current = job.data;
  const summary = current?.summary;
  return (
    <section className="card stack" aria-labelledby="import-heading" data-testid="import-upload">
      <h2 id="import-heading">{t("title")}</h2>
      <p className="muted">{t("help")}</p>
      <form className="row" onSubmit={(event) => void submit(event)}>
        <ProblemField label={t("campaign")} placed={campaignField}>
          {(attributes) => (
            <select value={campaign} onChange={(event) => setCampaign(event.target.value)} {...attributes}>
              <option value="">{t("chooseCampaign")}</option>
              <CampaignOptions campaigns={(campaigns.data?.campaigns ?? []).filter((option) => option.status === "active")} value="slug" withSlug />
            </select>
          )}
        </ProblemField>
        <div className="field">
          <label>
            {t("file")}
            <input
              type="file"
              accept=".jsonl,.ndjson,application/x-ndjson"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              {...fileField.attributes}
              // An empty file is a problem of the body, which is this file too.
              {...(bodyField.problem ? { "aria-invalid": true, "aria-describedby": [fileField.attributes["aria-describedby"], `${bodyField.id}-problem`].filter(Boolean).join(" ") } : {})}
            />
          </label>
          {fileField.line}
          {bodyField.line}
        </div>
        <label className="row">
          <input type="checkbox" checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} />
          {t("dryRun")}
        </label>
        <label className="row">
          <input type="checkbox" checked={update} onChange={(event) => setUpdate(event.target.checked)} />
          {t("update")}
        </label>
        <button type="submit" disabled={sending}>
          {t("start")}
        </button>
      </form>
      {missing && (
        <p role="alert" className="error">
          {t("chooseBoth")}
        </p>
      )}
      <ProblemSummary problems={problems} />
      {current && (
        <div className="stack" data-testid="import-job">
          <label className="stack">
            {t(`status.${current.status}`)}
            <progress max={Math.max(1, current.sizeBytes)} value={current.status === "done" ? current.sizeBytes : current.bytesRead} />
          </label>
          {summary && (
            <p role="status" data-testid="import-summary">
              {t(summary.dryRun ? "summaryDryRun" : "summary", {
                lines: summary.lines,
                created: summary.created,
                updated: summary.updated,
                skipped: summary.skipped,
                refused: summary.refused,
              })}
            </p>
          )}
          {current.error && <p className="error">{t("failed", { message: current.error })}</p>}
          {summary && summary.problems.length > 0 && (
            <TableRegion label={t("title")} className="table-scroll">
              <table className="explorer-table" data-testid="import-problems">
                <thead>
                  <tr>
                    <th scope="col">{t("line")}</th>
                    <th scope="col">{t("field")}</th>
                    <th scope="col">{t("problem")}</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.problems.map((problem) => (
                    <tr key={`${problem.line}-${problem.field}`}>
                      <td>{problem.line}</td>
                      <td>
                        <code>{problem.field}</code>
                      </td>
                      <td>
                        <ImportProblemText problem={problem} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </div>
      )}
    </section>
  );
}
