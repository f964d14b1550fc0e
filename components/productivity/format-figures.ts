// Figures of the productivity pages in the reader's locale: money from its decimal text (never through a float),
// hours from seconds, dates of the programme's calendar.
import { useLocale } from "next-intl";
import type { MoneySum } from "@/lib/productivity/schemas";

/**
 * Numbers and dates through the global Intl at the moment of formatting, so the locale data that LocaleDataGate may
 * have just installed is used (next-intl's formatter keeps the constructors it started with).
 */
export interface FigureFormat {
  number(value: number, options?: Intl.NumberFormatOptions): string;
  dateTime(value: Date, options: Intl.DateTimeFormatOptions): string;
}

export function useFigureFormat(): FigureFormat {
  const locale = useLocale();
  return {
    number: (value, options) => new Intl.NumberFormat(locale, options).format(value),
    dateTime: (value, options) => new Intl.DateTimeFormat(locale, options).format(value),
  };
}

type Formatter = FigureFormat;

/** Intl formats the decimal string exactly as given ("12.50" stays 12.50, whatever its size). */
export function formatMoney(locale: string, sum: MoneySum): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: sum.currency }).format(sum.amount as Intl.StringNumericLiteral);
}

export function formatMoneySums(locale: string, sums: MoneySum[], zero: MoneySum | null = null): string {
  if (sums.length === 0) return zero ? formatMoney(locale, zero) : "—";
  return sums.map((sum) => formatMoney(locale, sum)).join(" + ");
}

/** For sorting only: the amount in cents as an exact integer. */
export function moneyCents(sums: MoneySum[]): bigint {
  return sums.reduce((total, sum) => total + BigInt(sum.amount.replace(".", "")), 0n);
}

export function formatHours(format: Formatter, seconds: number): string {
  return format.number(seconds / 3600, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A calendar date (YYYY-MM-DD) as the reader writes it; noon UTC so no zone can move it to another day. */
export function formatDay(format: Formatter, date: string, style: "short" | "long" = "long"): string {
  const instant = new Date(`${date}T12:00:00Z`);
  return style === "long"
    ? format.dateTime(instant, { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" })
    : format.dateTime(instant, { timeZone: "UTC", month: "short", day: "numeric" });
}

export function formatRate(format: Formatter, rate: number | null): string {
  return rate === null ? "—" : format.number(rate, { style: "percent", maximumFractionDigits: 1 });
}
