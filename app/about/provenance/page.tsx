// What authorship evidence records, why, who sees it and how long it is kept: the page the editor's notice links to.
import { getTranslations } from "next-intl/server";

const SECTIONS = ["why", "what", "never", "flags", "who", "howLong"] as const;

export default async function AboutProvenancePage() {
  const t = await getTranslations("provenance.about");
  return (
    <article className="stack" data-testid="about-provenance">
      <h1>{t("title")}</h1>
      {SECTIONS.map((section) => (
        <section key={section} className="stack">
          <h2>{t(`${section}.title`)}</h2>
          <p>{t(`${section}.body`)}</p>
        </section>
      ))}
    </article>
  );
}
