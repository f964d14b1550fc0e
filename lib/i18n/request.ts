// next-intl's per-request configuration: the locale (see locales.ts) and its message catalog.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentViewer } from "@/lib/http/authenticate";
import { LOCALE_COOKIE, resolveUiLocale } from "@/lib/i18n/locales";

export default getRequestConfig(async () => {
  const [viewer, cookieStore, headerStore] = await Promise.all([currentViewer(), cookies(), headers()]);
  const locale = resolveUiLocale({
    preference: viewer?.uiLocale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerStore.get("accept-language"),
  });
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return { locale, messages, timeZone: "Europe/Madrid" };
});
