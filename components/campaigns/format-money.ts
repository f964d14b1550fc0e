// Money from its decimal text ("12.50"), formatted for a UI locale. Intl.NumberFormat reads the string as an exact
// decimal, so the amount never becomes a binary floating-point number on the way.
export function formatMoney(locale: string, amount: string, currency: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount as `${number}`);
  } catch {
    return `${amount} ${currency}`; // a currency code Intl does not know
  }
}
