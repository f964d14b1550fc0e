"use client";
// One release on the maintainers' page: status, live progress, dates, and what can be done with it now
// (retry a failed or stalled build; publish a built one after confirming in the page).
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ApiRequestError } from "@/components/api-client";
import { ReleaseBuildProgress } from "@/components/releases/release-build-progress";
import { usePublishRelease, useRetryRelease } from "@/components/releases/release-queries";
import type { ReleaseView } from "@/lib/releases/schemas";

function PublishControl({ release }: { release: ReleaseView }) {
  const t = useTranslations("releases");
  const tRoot = useTranslations();
  const publish = usePublishRelease();
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" className="small" onClick={() => setConfirming(true)}>
        {t("publish")}
      </button>
    );
  }
  return (
    <div className="release-confirm stack" role="group" aria-labelledby={`publish-confirm-${release.id}`}>
      <p id={`publish-confirm-${release.id}`}>{t("publishConfirm", { version: release.version })}</p>
      <div className="row">
        <button ref={confirmButton} type="button" className="small" disabled={publish.isPending} onClick={() => publish.mutate(release.version)}>
          {t("publishNow", { version: release.version })}
        </button>
        <button type="button" className="small secondary" disabled={publish.isPending} onClick={() => setConfirming(false)}>
          {tRoot("common.cancel")}
        </button>
      </div>
      {publish.error && (
        <p role="alert" className="error">
          {publish.error instanceof ApiRequestError && publish.error.status === 409 ? t("publishConflict") : tRoot("common.error")}
        </p>
      )}
    </div>
  );
}

function RetryControl({ release }: { release: ReleaseView }) {
  const t = useTranslations("releases");
  const tRoot = useTranslations();
  const retry = useRetryRelease();
  return (
    <>
      <button type="button" className="small" disabled={retry.isPending} onClick={() => retry.mutate(release.version)}>
        {t("retry")}
      </button>
      {retry.error && (
        <p role="alert" className="error">
          {retry.error instanceof ApiRequestError && retry.error.status === 409 ? t("retryConflict") : tRoot("common.error")}
        </p>
      )}
    </>
  );
}

export function ReleaseAdminCard({ release }: { release: ReleaseView }) {
  const t = useTranslations("releases");
  const format = useFormatter();
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (
    <article className="card stack" data-testid={`release-${release.version}`} aria-labelledby={`release-title-${release.id}`}>
      <div className="row spread release-card-heading">
        <h3 id={`release-title-${release.id}`}>
          <Link href={`/releases/${encodeURIComponent(release.version)}`}>{t("releaseTitle", { version: release.version })}</Link>
        </h3>
        <span className={`release-status release-status-${release.stalled ? "stalled" : release.status}`} data-testid="release-status">
          {release.stalled ? t("stalled") : t(`statuses.${release.status}`)}
        </span>
      </div>
      <ReleaseBuildProgress release={release} />
      <dl className="inline-facts">
        <dt>{t("license")}</dt>
        <dd>{release.license}</dd>
        {release.previousVersion && (
          <>
            <dt>{t("previousVersion")}</dt>
            <dd>{release.previousVersion}</dd>
          </>
        )}
        <dt>{t("createdAt")}</dt>
        <dd>{date(release.createdAt)}</dd>
        {release.builtAt && (
          <>
            <dt>{t("builtAt")}</dt>
            <dd>{date(release.builtAt)}</dd>
          </>
        )}
        {release.publishedAt && (
          <>
            <dt>{t("publishedAt")}</dt>
            <dd>{date(release.publishedAt)}</dd>
          </>
        )}
      </dl>
      {release.notes && <p className="pre">{release.notes}</p>}
      <div className="stack release-actions">
        {(release.status === "failed" || release.stalled) && <RetryControl release={release} />}
        {release.status === "built" && <PublishControl release={release} />}
      </div>
    </article>
  );
}
