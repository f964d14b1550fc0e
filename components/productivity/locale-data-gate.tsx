"use client";
// Some browsers ship Intl without every UI language: Debian's Chromium, for one, has no Basque or Galician data and
// silently formats their dates and numbers in English. Before the figures render, this loads FormatJS's polyfills
// with the CLDR data of the reader's locale, and only in a browser that lacks it (elsewhere it costs nothing).
// The polyfilled DateTimeFormat carries no time-zone data, so these pages format calendar dates in UTC (format-figures.ts).
import { useEffect, useState, type ReactNode } from "react";
import { useLocale } from "next-intl";
import { shouldPolyfill as pluralRulesNeeded } from "@formatjs/intl-pluralrules/should-polyfill.js";
import { shouldPolyfill as numberFormatNeeded } from "@formatjs/intl-numberformat/should-polyfill.js";
import { shouldPolyfill as dateTimeFormatNeeded } from "@formatjs/intl-datetimeformat/should-polyfill.js";

type Loader = () => Promise<unknown>;
type LocaleLoaders = Record<string, { pluralRules: Loader; numberFormat: Loader; dateTimeFormat: Loader }>;

// One static import per file, so the bundler splits each into its own chunk fetched only when needed.
const LOCALE_DATA: LocaleLoaders = {
  eu: {
    pluralRules: () => import("@formatjs/intl-pluralrules/locale-data/eu.js"),
    numberFormat: () => import("@formatjs/intl-numberformat/locale-data/eu.js"),
    dateTimeFormat: () => import("@formatjs/intl-datetimeformat/locale-data/eu.js"),
  },
  gl: {
    pluralRules: () => import("@formatjs/intl-pluralrules/locale-data/gl.js"),
    numberFormat: () => import("@formatjs/intl-numberformat/locale-data/gl.js"),
    dateTimeFormat: () => import("@formatjs/intl-datetimeformat/locale-data/gl.js"),
  },
  ca: {
    pluralRules: () => import("@formatjs/intl-pluralrules/locale-data/ca.js"),
    numberFormat: () => import("@formatjs/intl-numberformat/locale-data/ca.js"),
    dateTimeFormat: () => import("@formatjs/intl-datetimeformat/locale-data/ca.js"),
  },
  es: {
    pluralRules: () => import("@formatjs/intl-pluralrules/locale-data/es.js"),
    numberFormat: () => import("@formatjs/intl-numberformat/locale-data/es.js"),
    dateTimeFormat: () => import("@formatjs/intl-datetimeformat/locale-data/es.js"),
  },
  en: {
    pluralRules: () => import("@formatjs/intl-pluralrules/locale-data/en.js"),
    numberFormat: () => import("@formatjs/intl-numberformat/locale-data/en.js"),
    dateTimeFormat: () => import("@formatjs/intl-datetimeformat/locale-data/en.js"),
  },
};

async function loadMissingLocaleData(locale: string): Promise<void> {
  const data = LOCALE_DATA[locale];
  if (!data) return;
  // In this order: NumberFormat's polyfill uses PluralRules, DateTimeFormat's uses NumberFormat.
  if (pluralRulesNeeded(locale)) {
    await import("@formatjs/intl-pluralrules/polyfill-force.js");
    await data.pluralRules();
  }
  if (numberFormatNeeded(locale)) {
    await import("@formatjs/intl-numberformat/polyfill-force.js");
    await data.numberFormat();
  }
  if (dateTimeFormatNeeded(locale)) {
    await import("@formatjs/intl-datetimeformat/polyfill-force.js");
    await data.dateTimeFormat();
  }
}

/** Renders its children once the browser can format the locale (the server renders the fallback, so both agree). */
export function LocaleDataGate({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const locale = useLocale();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let current = true;
    loadMissingLocaleData(locale)
      .catch(() => {}) // Without the data the browser's own (English) formats are the best there is.
      .finally(() => current && setReady(true));
    return () => {
      current = false;
    };
  }, [locale]);
  return ready ? children : fallback;
}
