import { getTranslations } from "next-intl/server";
import { countMyItemsByStatus, ITEM_STATUSES } from "@/lib/items/count-my-items";
import { requirePageViewer } from "@/lib/http/page-guard";

export default async function WorkPage() {
  const viewer = await requirePageViewer("annotator");
  const [t, counts] = await Promise.all([getTranslations(), countMyItemsByStatus(viewer)]);
  const languages = viewer.languages.map((language) => t(`languages.${language}`)).join(", ");
  return (
    <section>
      <h1>{t("work.title")}</h1>
      <p>{viewer.languages.length > 0 ? t("work.intro", { languages }) : t("work.noLanguages")}</p>
      <h2>{t("work.itemsByStatus")}</h2>
      <dl className="stat-grid">
        {ITEM_STATUSES.map((status) => (
          <div key={status} className="stat">
            <dt>{t(`work.status.${status}`)}</dt>
            <dd>{counts[status]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
