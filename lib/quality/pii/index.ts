// Finds personal data (contacts, national ids, bank and card numbers, IP addresses) in free text and masks it.
import { findCards } from "./card";
import { findEmails } from "./email";
import { findIbanShapes } from "./iban";
import { findIpAddresses } from "./ip-address";
import { findDnis, findNies } from "./national-id";
import { findPhones } from "./phone";
import type { PiiMatch } from "./pii-match";
import { findSpelledEmails } from "./spelled-email";
import type { PiiType } from "@/lib/vocabulary";

export type { PiiMatch } from "./pii-match";

const DETECTORS: readonly ((text: string) => PiiMatch[])[] = [
  findEmails, findCards, findDnis, findNies, findPhones, findIpAddresses,
];

/*
 * One identifier, one verdict. When shapes overlap, in this order:
 * 1. Digits inside an IBAN shape (country code, two check digits, the country's length) belong to that IBAN,
 *    valid or not: an IBAN with a typo is never re-read as a card, a phone or a DNI.
 * 2. Otherwise the longest span wins: an e-mail swallows the phone in "612345678@gmail.com", a DNI's letter makes
 *    it longer than the digits alone, a card's sixteen digits beat any phone inside them.
 * 3. Among spans of equal length, the more specific type (the order of SPECIFICITY) wins: "91.234.56.78" is read
 *    as a Spanish landline, not an IPv4 address, because that is how Spaniards write landlines.
 * Numbers that words around them call a version, a reference or a count are dropped by the detectors
 * themselves (number-context.ts), before any of this.
 */
const SPECIFICITY: Readonly<Record<PiiType, number>> = { email: 0, iban: 1, card: 2, dni: 3, nie: 4, phone: 5, ip: 6 };

export const PII_PLACEHOLDERS: Readonly<Record<PiiType, string>> = {
  email: "[EMAIL]", phone: "[PHONE]", dni: "[DNI]", nie: "[NIE]", iban: "[IBAN]", card: "[CARD]", ip: "[IP]",
};

// Every detector needs an ASCII digit or an "@" to match, and a spelled-out address a word for "@". Most prose has
// none, and a scan for them is far cheaper than eight patterns with lookbehinds tried at every position (a release
// masks millions of texts).
const MAY_HOLD_PII = /[0-9@]/;
const MAY_HOLD_SPELLED_EMAIL = /@|arrob|arrov|rova|bildua|\bat\b|[[({<]\s*en\s*[\])}>]/i;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Every PII span in `text`, sorted by start and never overlapping (see the precedence above). */
export function findPii(text: string): PiiMatch[] {
  const mayHoldPii = MAY_HOLD_PII.test(text);
  const mayHoldSpelledEmail = MAY_HOLD_SPELLED_EMAIL.test(text);
  if (!mayHoldPii && !mayHoldSpelledEmail) return [];
  const ibanShapes = mayHoldPii ? findIbanShapes(text) : [];
  const ibans: PiiMatch[] = ibanShapes.filter((shape) => shape.valid).map(({ start, end }) => ({ type: "iban", start, end }));
  const found = [...(mayHoldPii ? DETECTORS.flatMap((detect) => detect(text)) : []), ...(mayHoldSpelledEmail ? findSpelledEmails(text) : [])];
  const others = found.filter((match) => !ibanShapes.some((shape) => overlaps(shape, match)));
  const candidates = [...ibans, ...others].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || SPECIFICITY[a.type] - SPECIFICITY[b.type] || a.start - b.start,
  );
  const kept: PiiMatch[] = [];
  for (const c of candidates) {
    if (kept.every((k) => !overlaps(c, k))) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** `text` with each PII span replaced by its typed placeholder, e.g. "[EMAIL]"; used by the release export. */
export function maskPii(text: string): string {
  return maskPiiCounting(text).text;
}

/** Like maskPii, also saying how many spans were masked. */
export function maskPiiCounting(text: string): { text: string; spans: number } {
  const matches = findPii(text);
  if (matches.length === 0) return { text, spans: 0 };
  let masked = "";
  let cursor = 0;
  for (const match of matches) {
    masked += text.slice(cursor, match.start) + PII_PLACEHOLDERS[match.type];
    cursor = match.end;
  }
  return { text: masked + text.slice(cursor), spans: matches.length };
}
