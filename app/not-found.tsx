import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <section className="narrow">
      <h1>{t("notFoundTitle")}</h1>
      <Link href="/">{t("goHome")}</Link>
    </section>
  );
}
