"use client";
// Where a release's build stands: waiting, a progress bar with its figure, the failure, or what it contains.
import { useFormatter, useTranslations } from "next-intl";
import type { ReleaseView } from "@/lib/releases/schemas";

export function ReleaseBuildProgress({ release }: { release: ReleaseView }) {
  const t = useTranslations("releases");
  const format = useFormatter();
  const { done, total } = release.progress;

  if (release.status === "failed") {
    return (
      <div className="stack release-failure">
        <p className="error">{t("buildFailed")}</p>
        {release.error && <pre className="release-error-text">{release.error}</pre>}
      </div>
    );
  }
  if (release.stalled) return <p className="error">{t("stalledHelp")}</p>;
  if (release.status === "queued") return <p className="muted">{t("waitingForWorker")}</p>;
  if (release.status === "building") {
    // Before the item set is frozen the total is not known yet: an indeterminate bar.
    const figure =
      total > 0
        ? t("progressFigure", { done, total, percent: format.number(done / total, { style: "percent" }) })
        : t("freezingItems");
    return (
      <div className="release-progress">
        <progress
          max={total > 0 ? total : undefined}
          value={total > 0 ? done : undefined}
          aria-label={t("progressLabel", { version: release.version })}
          aria-valuetext={figure}
        />
        <span data-testid="release-progress-figure">{figure}</span>
      </div>
    );
  }
  return (
    <p data-testid="release-progress-figure">
      {t("itemCount", { count: release.statistics?.items ?? total })}
    </p>
  );
}
