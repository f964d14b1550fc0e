"use client";
// Maintainers import a JSONL file into a campaign from the explorer: the upload becomes a background job whose
// progress, counts and refused lines (number, field, message) show here while it runs.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiRequestError, callOperation, type ApiFailure } from "@/components/api-client";
import { useErrorMessage } from "@/components/errors/use-error-message";
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
  const describeError = useErrorMessage();
  const campaigns = useQuery({ queryKey: ["campaigns"], queryFn: () => callOperation(listCampaigns) });
  const [campaign, setCampaign] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [update, setUpdate] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const job = useQuery({
    queryKey: ["import", jobId],
    queryFn: () => callOperation(getImportJob, { params: { jobId: jobId! } }),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && (query.state.data.status === "done" || query.state.data.status === "failed") ? false : 1000),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!campaign || !file) return setFailure(t("chooseBoth"));
    setFailure(null);
    setSending(true);
    try {
      setJobId((await upload(file, { campaign, dryRun, update })).id);
    } catch (error) {
      setFailure(describeError(error).text);
    } finally {
      setSending(false);
    }
  }

  const current = job.data;
  const summary = current?.summary;
  return (
    <section className="card stack" aria-labelledby="import-heading" data-testid="import-upload">
      <h2 id="import-heading">{t("title")}</h2>
      <p className="muted">{t("help")}</p>
      <form className="row" onSubmit={(event) => void submit(event)}>
        <label>
          {t("campaign")}
          <select value={campaign} onChange={(event) => setCampaign(event.target.value)}>
            <option value="">{t("chooseCampaign")}</option>
            {(campaigns.data?.campaigns ?? [])
              .filter((option) => option.status === "active")
              .map((option) => (
                <option key={option.id} value={option.slug}>
                  {option.name} ({option.slug})
                </option>
              ))}
          </select>
        </label>
        <label>
          {t("file")}
          <input type="file" accept=".jsonl,.ndjson,application/x-ndjson" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </label>
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
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
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
                      <td>{problem.message}</td>
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
