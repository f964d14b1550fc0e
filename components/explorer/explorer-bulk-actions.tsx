"use client";
// What a maintainer does with a selection (the ticked rows, or else everything the filters find), each asked in the
// page with the number of items first: export as JSONL or CSV, or retract with one reason.
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callOperation } from "@/components/api-client";
import { ConfirmedAction } from "@/components/confirmed-action";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { exportItems, retractItems } from "@/lib/http/operations/explorer";

export function ExplorerBulkActions({
  filter,
  ticked,
  total,
  onDone,
}: {
  filter: Record<string, string>;
  ticked: string[];
  total: number;
  onDone: () => void;
}) {
  const t = useTranslations("explorer");
  const describeError = useErrorMessage();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  /** Bumped after a download starts, so its question closes (the page itself stays). */
  const [exports, setExports] = useState(0);
  const count = ticked.length > 0 ? ticked.length : total;

  function download(format: "jsonl" | "csv") {
    const query = new URLSearchParams(ticked.length > 0 ? { ids: ticked.join(","), format } : { ...filter, format });
    window.location.assign(`${exportItems.path}?${query.toString()}`);
    setExports((count) => count + 1);
  }

  async function retract() {
    if (reason.trim() === "") return setFailure(t("retractReasonRequired"));
    setPending(true);
    setFailure(null);
    try {
      const result = await callOperation(retractItems, {
        body: {
          selection:
            ticked.length > 0
              ? { ids: ticked }
              : // The URL's filters as JSON: the guideline version is a number there.
                { filter: { ...filter, ...(filter.guidelineVersion ? { guidelineVersion: Number(filter.guidelineVersion) } : {}) } },
          reason,
        },
      });
      setOutcome(t("retracted", { retracted: result.retracted.length, skipped: result.skipped }));
      setReason("");
      onDone();
      await queryClient.invalidateQueries({ queryKey: ["explorer"] });
    } catch (error) {
      setFailure(describeError(error).text);
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="bulk-heading" data-testid="explorer-bulk">
      <h2 id="bulk-heading">{ticked.length > 0 ? t("selectionTicked", { count }) : t("selectionAll", { count })}</h2>
      <div className="row">
        {(["jsonl", "csv"] as const).map((format) => (
          <ConfirmedAction
            key={`${format}-${exports}`}
            id={`export-${format}-question`}
            label={t(`export.${format}`)}
            question={t("exportQuestion", { count, format: format.toUpperCase() })}
            confirmLabel={t("exportNow")}
            pending={false}
            disabled={count === 0}
            small
            onConfirm={() => download(format)}
          />
        ))}
      </div>
      <label className="stack">
        {t("retractReason")}
        <textarea rows={2} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} data-testid="bulk-retract-reason" />
      </label>
      <ConfirmedAction
        id="bulk-retract-question"
        label={t("retract")}
        question={t("retractQuestion", { count })}
        confirmLabel={t("retractNow")}
        pending={pending}
        disabled={count === 0}
        danger
        failure={failure}
        onConfirm={() => void retract()}
      />
      {outcome && (
        <p role="status" data-testid="bulk-outcome">
          {outcome}
        </p>
      )}
    </section>
  );
}
