// Money as exact decimal strings ("12.50", "-5.00"): sums in integer cents (BigInt), never in floating point.

/** An amount as the API, the CSV and the database's NUMERIC(10,2) spell it: optional minus, two decimals. */
export const MONEY_PATTERN = /^-?(0|[1-9]\d{0,7})\.\d{2}$/;

export function isMoney(value: string): boolean {
  return MONEY_PATTERN.test(value);
}

/** "12.5" or "12" (as a person may type them) become "12.50" / "12.00"; anything else is returned as it is. */
export function normaliseMoney(value: string): string {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign, whole, fraction = ""] = match;
  const normalised = `${sign}${whole!.replace(/^0+(?=\d)/, "")}.${fraction.padEnd(2, "0")}`;
  return normalised === "-0.00" ? "0.00" : normalised;
}

export function toCents(amount: string): bigint {
  if (!isMoney(amount)) throw new Error(`not an amount: ${amount}`);
  const negative = amount.startsWith("-");
  const [whole, fraction] = amount.replace("-", "").split(".");
  const cents = BigInt(whole!) * 100n + BigInt(fraction!);
  return negative ? -cents : cents;
}

export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const absolute = negative ? -cents : cents;
  const fraction = (absolute % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${absolute / 100n}.${fraction}`;
}

export interface CurrencyTotal {
  currency: string;
  amount: string;
}

/** Totals per currency, currencies in alphabetical order (so every view and CSV lists them alike). */
export function totalsByCurrency(lines: readonly { currency: string; amount: string }[]): CurrencyTotal[] {
  const sums = new Map<string, bigint>();
  for (const line of lines) sums.set(line.currency, (sums.get(line.currency) ?? 0n) + toCents(line.amount));
  return [...sums.keys()].sort().map((currency) => ({ currency, amount: fromCents(sums.get(currency)!) }));
}
