"use client";
// The maintainers' release page: start a release, then watch every release build, retry and publish.
import { useTranslations } from "next-intl";
import { CreateReleaseForm } from "@/components/releases/create-release-form";
import { ReleaseAdminCard } from "@/components/releases/release-admin-card";
import { useReleases } from "@/components/releases/release-queries";
import type { NextReleasePreview } from "@/lib/releases/preview-next-release";

export function ReleaseAdmin({ preview }: { preview: NextReleasePreview }) {
  const t = useTranslations();
  const releases = useReleases();
  // The list comes newest first, so the first published one is the version a new release must exceed.
  const latestPublished = releases.data?.find((release) => release.status === "published")?.version ?? null;
  return (
    <div className="stack-large">
      <CreateReleaseForm latestPublished={latestPublished} preview={preview} />
      <section className="stack" aria-labelledby="release-list-title">
        <h2 id="release-list-title">{t("releases.allReleases")}</h2>
        {releases.isPending && <p>{t("common.loading")}</p>}
        {releases.error && <p className="error">{t("common.error")}</p>}
        {releases.data?.length === 0 && <p>{t("releases.none")}</p>}
        {releases.data?.map((release) => <ReleaseAdminCard key={release.id} release={release} />)}
      </section>
    </div>
  );
}
