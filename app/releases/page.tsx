import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listReleases } from "@/lib/releases/read-releases";
import "@/components/releases/releases.css";
import { TableRegion } from "@/components/layout/table-region";

/** Public: published releases only, whoever is (or is not) signed in. */
export default async function PublishedReleasesPage() {
  const [releases, t, format] = await Promise.all([listReleases(null), getTranslations("releases"), getFormatter()]);
  return (
    <section className="stack">
      <h1>{t("publicTitle")}</h1>
      <p>{t("publicIntro")}</p>
      {releases.length === 0 ? (
        <p>{t("nonePublished")}</p>
      ) : (
        <TableRegion label={t("publicTitle")} className="table-scroll">
          <table className="published-releases">
            <thead>
              <tr>
                <th scope="col">{t("version")}</th>
                <th scope="col">{t("publishedAt")}</th>
                <th scope="col" className="number">
                  {t("items")}
                </th>
                <th scope="col">{t("license")}</th>
              </tr>
            </thead>
            <tbody>
              {releases.map((release) => (
                <tr key={release.id} data-testid={`published-release-${release.version}`}>
                  <th scope="row">
                    <Link href={`/releases/${encodeURIComponent(release.version)}`}>{release.version}</Link>
                  </th>
                  <td>{release.publishedAt ? format.dateTime(new Date(release.publishedAt), { dateStyle: "long" }) : "—"}</td>
                  <td className="number">{release.statistics ? format.number(release.statistics.items) : "—"}</td>
                  <td>{release.license}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
