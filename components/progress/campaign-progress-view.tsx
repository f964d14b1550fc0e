"use client";
// A campaign's live progress: headline figures, the 14-day rate and projected day, the grid and the burn-up chart.
import { useFormatter, useTranslations } from "next-intl";
import { BurnUpChart } from "@/components/progress/burn-up-chart";
import { useDayFormat } from "@/components/progress/day-format";
import { ProgressGrid } from "@/components/progress/progress-grid";
import { useCampaignProgress } from "@/components/progress/progress-query";
import type { CampaignProgress } from "@/lib/progress/schemas";

function Outlook({ progress }: { progress: CampaignProgress }) {
  const t = useTranslations("progress");
  const days = useDayFormat();
  if (progress.total.target === null) return <p>{t("noTargets")}</p>;
  if (progress.shortfall === 0) return <p>{t("targetsMet")}</p>;
  if (progress.projectedCompletion === null) return <p>{t("noProjection", { days: progress.rate.windowDays })}</p>;
  return (
    <p data-testid="projected-completion">
      {t("projected", { date: days.long(progress.projectedCompletion), missing: progress.shortfall })}
    </p>
  );
}

export function CampaignProgressView({ initial, ownLanguagesOnly }: { initial: CampaignProgress; ownLanguagesOnly: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const days = useDayFormat();
  const { data: progress } = useCampaignProgress(initial);
  const percent = (value: number | null) =>
    value === null ? t("progress.noTarget") : format.number(value / 100, { style: "percent", maximumFractionDigits: 1 });
  return (
    <div className="stack-large">
      <p className="muted" data-testid="progress-as-of">
        {t("progress.asOf", { date: days.long(progress.today), timeZone: progress.timeZone })}
        {ownLanguagesOnly && (
          <>
            {" "}
            {t("progress.ownLanguages", { languages: progress.languages.map((language) => t(`languages.${language}`)).join(", ") })}
          </>
        )}
      </p>
      <dl className="stat-grid" data-testid="progress-summary">
        <div className="stat">
          <dt>{t("progress.approved")}</dt>
          <dd data-testid="summary-approved">{format.number(progress.total.approved)}</dd>
        </div>
        <div className="stat">
          <dt>{t("progress.target")}</dt>
          <dd>{progress.total.target === null ? t("progress.noTarget") : format.number(progress.total.target)}</dd>
        </div>
        <div className="stat">
          <dt>{t("progress.percentDone")}</dt>
          <dd data-testid="summary-percent">{percent(progress.total.percentDone)}</dd>
        </div>
        <div className="stat">
          <dt>{t("progress.ratePerDay", { days: progress.rate.windowDays })}</dt>
          <dd data-testid="summary-rate">{format.number(progress.rate.perDay, { maximumFractionDigits: 2 })}</dd>
        </div>
      </dl>
      <Outlook progress={progress} />
      <ProgressGrid progress={progress} />
      <BurnUpChart burnUp={progress.burnUp} />
    </div>
  );
}
