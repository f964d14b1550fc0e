"use client";
// The interface-language menu, available on every page, signed in or not.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { chooseUiLocale } from "@/app/actions/choose-ui-locale";
import { useHydrated } from "@/components/use-hydrated";
import { UI_LOCALES, type UiLocale } from "@/lib/vocabulary";

/**
 * `preference`: given on the settings page, where the menu also offers "follow the browser" (the saved preference is
 * then cleared) and shows that choice rather than the language it currently resolves to.
 */
export function LocaleSwitcher({ preference }: { preference?: UiLocale | null }) {
  const t = useTranslations();
  const locale = useLocale();
  const offersBrowser = preference !== undefined;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  return (
    <label className="locale-switcher">
      <span className="visually-hidden">{t("nav.uiLanguage")}</span>
      <select
        aria-label={t("nav.uiLanguage")}
        value={offersBrowser ? (preference ?? "") : locale}
        disabled={pending || !hydrated}
        onChange={(event) => {
          const uiLocale = (event.target.value || null) as UiLocale | null;
          startTransition(async () => {
            await chooseUiLocale({ uiLocale });
            router.refresh();
          });
        }}
      >
        {offersBrowser && <option value="">{t("settings.followBrowser")}</option>}
        {UI_LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`uiLocales.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
