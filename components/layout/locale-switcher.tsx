"use client";
// The interface-language menu, available on every page, signed in or not.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { chooseUiLocale } from "@/app/actions/choose-ui-locale";
import { useHydrated } from "@/components/use-hydrated";
import { UI_LOCALES, type UiLocale } from "@/lib/vocabulary";

export function LocaleSwitcher() {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  return (
    <label className="locale-switcher">
      <span className="visually-hidden">{t("nav.uiLanguage")}</span>
      <select
        aria-label={t("nav.uiLanguage")}
        value={locale}
        disabled={pending || !hydrated}
        onChange={(event) => {
          const uiLocale = event.target.value as UiLocale;
          startTransition(async () => {
            await chooseUiLocale({ uiLocale });
            router.refresh();
          });
        }}
      >
        {UI_LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`uiLocales.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
