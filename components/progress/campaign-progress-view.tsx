// A campaign's progress: headline figures, the 14-day rate and projected day, the grid and the burn-up chart, all
// rendered on the server in the UI's locale and rendered again every 30 seconds (LiveRefresh).
import { getFormatter, getTranslations } from "next-intl/server";
import { BurnUpFigure } from "@/components/progress/burn-up-figure";
import { formatDay } from "@/components/progress/format-day";
import { LiveRefresh } from "@/components/progress/live-refresh";
import { formatPercent, ProgressGrid } from "@/components/progress/progress-grid";
import type { CampaignProgress } from "@/lib/progress/schemas";

const REFRESH_SECONDS = 30;

export async function CampaignProgressView({ progress, ownLanguagesOnly }: { progress: CampaignProgress; ownLanguagesOnly: boolean }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const outlook =
    progress.total.target === null
      ? t("progress.noTargets")
      : progress.shortfall === 0
        ? t("progress.targetsMet")
        : progress.projectedCompletion === null
          ? t("progress.noProjection", { days: progress.rate.windowDays })
          : t("progress.projected", { date: formatDay(format, progress.projectedCompletion, "long"), missing: progress.shortfall });
  return (
    <div className="stack-large">
      <LiveRefresh seconds={REFRESH_SECONDS} />
      <p className="muted" data-testid="progress-as-of">
        {t("progress.asOf", { date: formatDay(format, progress.today, "long"), timeZone: progress.timeZone })}
        {ownLanguagesOnly &&
          ` ${t("progress.ownLanguages", { languages: progress.languages.map((language) => t(`wording.languageInSentence.${language}`)).join(", ") })}`}
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
          <dd data-testid="summary-percent">
            {progress.total.percentDone === null ? t("progress.noTarget") : formatPercent(format, progress.total.percentDone)}
          </dd>
        </div>
        <div className="stat">
          <dt>{t("progress.ratePerDay", { days: progress.rate.windowDays })}</dt>
          <dd data-testid="summary-rate">{format.number(progress.rate.perDay, { maximumFractionDigits: 2 })}</dd>
        </div>
      </dl>
      <p data-testid="progress-outlook">{outlook}</p>
      <ProgressGrid progress={progress} />
      <BurnUpFigure burnUp={progress.burnUp} />
    </div>
  );
}
