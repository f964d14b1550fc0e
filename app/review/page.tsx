import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/http/page-guard";
import { countReviewQueue } from "@/lib/reviews/count-review-queue";

export default async function ReviewPage() {
  const viewer = await requirePageViewer("reviewer");
  const [t, queue] = await Promise.all([getTranslations(), countReviewQueue(viewer)]);
  return (
    <section>
      <h1>{t("review.title")}</h1>
      <p>{t("review.intro")}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("review.language")}</th>
            <th scope="col">{t("review.queue")}</th>
          </tr>
        </thead>
        <tbody>
          {queue.map(({ language, waiting }) => (
            <tr key={language}>
              <td>{t(`languages.${language}`)}</td>
              <td>{t("review.waiting", { count: waiting })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
