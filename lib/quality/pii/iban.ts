// Finds IBAN shapes (country code, check digits, the country's length) and tells which pass the mod-97 check.

// Lengths from the SWIFT IBAN registry; a country missing here is simply not detected.
const IBAN_LENGTH_BY_COUNTRY: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31,
  SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
};

// Letters may come lower-cased when pasted from a form; they are validated upper-cased.
const IBAN_START = /(?<![\p{L}\p{N}_])([A-Za-z]{2})\d{2}/gu;
const ALPHANUMERIC = /[A-Za-z0-9]/;
const SEPARATORS = " -.";

export function isValidIban(compact: string): boolean {
  const expected = IBAN_LENGTH_BY_COUNTRY[compact.slice(0, 2)];
  if (expected === undefined || compact.length !== expected || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  // Piecewise remainder keeps every step inside a safe integer.
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

/**
 * Reads exactly the country's number of characters from `start`, allowing one separator (space, dash or dot, the
 * same throughout) between characters after the country code: in fours as printed, or as a bank's own grouping
 * ("ES91 2100 0418 45 0200051332"). A following word in capitals ("… 1332 BANCO") is never swallowed: the read
 * stops at the country's length and the next character must end the token.
 */
function readIban(text: string, start: number, length: number): { compact: string; end: number } | null {
  let compact = "";
  let separator = "";
  let i = start;
  while (compact.length < length && i < text.length) {
    const ch = text[i] ?? "";
    if (ALPHANUMERIC.test(ch)) {
      compact += ch;
      i++;
    } else if (compact.length >= 4 && (separator === "" || ch === separator) && SEPARATORS.includes(ch) && ALPHANUMERIC.test(text[i + 1] ?? "")) {
      separator = ch;
      i++;
    } else {
      break;
    }
  }
  if (compact.length !== length || /[\p{L}\p{N}_]/u.test(text[i] ?? "")) return null;
  return { compact, end: i };
}

/** A country code, two check digits and the country's length of characters, whatever its checksum says. */
export interface IbanShape {
  start: number;
  end: number;
  valid: boolean;
}

/**
 * Every IBAN-shaped run in `text`. The invalid ones matter too: their digits belong to an IBAN with a typo, and
 * must not be re-read as a card or a phone (findPii keeps other detectors out of these spans).
 */
export function findIbanShapes(text: string): IbanShape[] {
  const found: IbanShape[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    const length = IBAN_LENGTH_BY_COUNTRY[(m[1] ?? "").toUpperCase()];
    if (length === undefined) continue;
    const read = readIban(text, m.index, length);
    if (!read || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(read.compact.toUpperCase())) continue;
    found.push({ start: m.index, end: read.end, valid: isValidIban(read.compact.toUpperCase()) });
  }
  return found;
}
