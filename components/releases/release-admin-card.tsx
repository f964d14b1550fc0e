"use client";
// One release on the maintainers' page: status, live progress, dates, and what can be done with it now
// (retry a failed or stalled build; publish a built one, or discard one not published, after confirming in the page).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFigureFormat } from "@/components/productivity/format-figures";
import { ApiRequestError } from "@/components/api-client";
import { ConfirmedAction } from "@/components/confirmed-action";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { ReleaseBuildProgress } from "@/components/releases/release-build-progress";
import { useDiscardRelease, usePublishRelease, useRetryRelease } from "@/components/releases/release-queries";
import type { ReleaseView } from "@/lib/releases/schemas";

/** What to say when the server refused: its conflict in the release's words, anything else as the error mapper says. */
function useFailureMessage(error: Error | null, conflictMessage: string): string | null {
  const describeError = useErrorMessage();
  if (!error) return null;
  return error instanceof ApiRequestError && error.status === 409 ? conflictMessage : describeError(error).text;
}

function PublishControl({ release }: { release: ReleaseView }) {
  const t = useTranslations("releases");
  const publish = usePublishRelease();
  const failure = useFailureMessage(publish.error, t("publishConflict"));
  return (
    <ConfirmedAction
      id={`publish-confirm-${release.id}`}
      label={t("publish")}
      question={t("publishConfirm", { version: release.version })}
      confirmLabel={t("publishNow", { version: release.version })}
      pending={publish.isPending}
      failure={failure}
      onConfirm={() => publish.mutate(release.version)}
      small
    />
  );
}

function DiscardControl({ release }: { release: ReleaseView }) {
  const t = useTranslations("releases");
  const discard = useDiscardRelease();
  const failure = useFailureMessage(discard.error, t("discardConflict"));
  return (
    <ConfirmedAction
      id={`discard-confirm-${release.id}`}
      label={t("discard")}
      question={t("discardConfirm", { version: release.version })}
      confirmLabel={t("discardNow", { version: release.version })}
      pending={discard.isPending}
      failure={failure}
      onConfirm={() => discard.mutate(release.version)}
      danger
      small
    />
  );
}

function RetryControl({ release }: { release: ReleaseView }) {
  const t = useTranslations("releases");
  const retry = useRetryRelease();
  const failure = useFailureMessage(retry.error, t("retryConflict"));
  return (
    <>
      <button type="button" className="small" disabled={retry.isPending} onClick={() => retry.mutate(release.version)}>
        {t("retry")}
      </button>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
    </>
  );
}

export function ReleaseAdminCard({ release }: { release: ReleaseView }) {
  const t = useTranslations("releases");
  // Through the global Intl when it formats, so the locale data LocaleDataGate installs (Basque, Galician) is used.
  const format = useFigureFormat();
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
        {release.status !== "published" && (release.status !== "building" || release.stalled) && <DiscardControl release={release} />}
      </div>
    </article>
  );
}
