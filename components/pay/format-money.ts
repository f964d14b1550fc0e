// Money on screen, in the reader's locale, straight from the decimal string: Intl formats decimal strings exactly
// (no conversion to a floating-point number on the way).
export function formatMoney(locale: string, amount: string, currency: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount as Intl.StringNumericLiteral);
}

export function formatTotals(locale: string, totals: readonly { amount: string; currency: string }[], none: string): string {
  return totals.length === 0 ? none : totals.map((total) => formatMoney(locale, total.amount, total.currency)).join(" · ");
}
