import { UI_LOCALES, type UiLocale } from "@/lib/vocabulary";
// Which UI language to show: the person's saved preference, else their explicit choice, else the browser's.

export const DEFAULT_LOCALE: UiLocale = "en";
export const LOCALE_COOKIE = "escriba-locale";

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === "string" && (UI_LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header, honouring q-values (`ca-ES` → `ca`). */
export function localeFromAcceptLanguage(header: string | null | undefined): UiLocale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...parameters] = part.trim().split(";");
      const quality = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.toLowerCase().split("-")[0] ?? "", quality: quality ? Number(quality) : 1, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isUiLocale) ?? null;
}

export function resolveUiLocale(input: {
  preference: UiLocale | null | undefined;
  cookie: string | undefined;
  acceptLanguage: string | null | undefined;
}): UiLocale {
  if (input.preference) return input.preference;
  if (isUiLocale(input.cookie)) return input.cookie;
  return localeFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE;
}
