import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/http/page-guard";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { ApiTokensPanel } from "@/components/settings/api-tokens-panel";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { LocaleDataGate } from "@/components/productivity/locale-data-gate";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function SettingsPage() {
  const viewer = await requirePageViewer("annotator");
  const t = await getTranslations();
  return (
    <ClientMessages groups={["accounts", "apiErrors", "nav", "passwordRule", "settings", "uiLocales"]}>
      <section className="stack-large">
        <h1>{t("settings.title")}</h1>
        <div>
          <h2>{t("nav.uiLanguage")}</h2>
          <p className="muted">{t("settings.uiLanguageHelp")}</p>
          <LocaleSwitcher preference={viewer.uiLocale} />
        </div>
        <ChangePasswordForm />
        {/* The tokens' dates are formatted in the browser, which may lack the locale's data (Basque, Galician). */}
        <LocaleDataGate fallback={<p>{t("common.loading")}</p>}>
          <ApiTokensPanel />
        </LocaleDataGate>
      </section>
    </ClientMessages>
  );
}
