import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { currentViewer } from "@/lib/http/authenticate";
import { orNotFound } from "@/lib/http/page-guard";
import { getReleasePage } from "@/lib/releases/get-release-page";
import { DatasetCardBody, DatasetCardFacts } from "@/components/releases/dataset-card-view";
import { ReleaseFilesTable } from "@/components/releases/release-files-table";
import { ReleaseStatisticsTable } from "@/components/releases/release-statistics-table";
import "@/components/releases/releases.css";

/** Public for published releases; maintainers also open unpublished ones here to check them before publishing. */
export default async function ReleasePage({ params }: { params: Promise<{ version: string }> }) {
  const { version } = await params;
  const viewer = await currentViewer();
  const [{ release, card }, t, format] = await Promise.all([orNotFound(getReleasePage(viewer, version)), getTranslations("releases"), getFormatter()]);
  const totalBytes = release.files.reduce((sum, file) => sum + file.sizeBytes, 0);
  return (
    <article className="stack-large release-page">
      <header className="stack">
        <p>
          <Link href="/releases">{t("backToReleases")}</Link>
        </p>
        <h1>{t("releaseTitle", { version: release.version })}</h1>
        {release.status !== "published" && (
          <p className="card release-unpublished" role="note">
            {t("unpublishedNotice", { status: t(`statuses.${release.status}`) })} <Link href="/admin/releases">{t("adminTitle")}</Link>
          </p>
        )}
        <p className="muted">
          {release.publishedAt && t("publishedOn", { date: format.dateTime(new Date(release.publishedAt), { dateStyle: "long" }) })}
          {release.previousVersion && (
            <>
              {" "}
              {t("previousRelease")} <Link href={`/releases/${encodeURIComponent(release.previousVersion)}`}>{release.previousVersion}</Link>
            </>
          )}
        </p>
        {card && <DatasetCardFacts metadata={card.metadata} items={release.statistics?.items ?? null} totalBytes={totalBytes} />}
      </header>

      <section className="stack" aria-labelledby="release-files-title">
        <h2 id="release-files-title">{t("files")}</h2>
        {release.files.length > 0 ? <ReleaseFilesTable version={release.version} files={release.files} /> : <p>{t("notBuiltYet")}</p>}
      </section>

      {release.statistics && (
        <section className="stack" aria-labelledby="release-statistics-title">
          <h2 id="release-statistics-title">{t("statistics")}</h2>
          <ReleaseStatisticsTable statistics={release.statistics} />
          <p className="muted">{t("maskedPiiSpans", { count: release.statistics.maskedPiiSpans })}</p>
        </section>
      )}

      <section className="stack" aria-labelledby="dataset-card-title">
        <h2 id="dataset-card-title">{t("datasetCard")}</h2>
        {card ? <DatasetCardBody body={card.body} /> : <p>{t("noDatasetCard")}</p>}
      </section>
    </article>
  );
}
