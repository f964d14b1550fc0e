// Finds personal data (contacts, national ids, bank and card numbers, IP addresses) in free text and masks it.
import { findCards } from "./card";
import { findEmails } from "./email";
import { findIbans } from "./iban";
import { findIpAddresses } from "./ip-address";
import { findDnis, findNies } from "./national-id";
import { findPhones } from "./phone";
import type { PiiMatch } from "./pii-match";
import type { PiiType } from "@/lib/vocabulary";

export type { PiiMatch } from "./pii-match";

const DETECTORS: readonly ((text: string) => PiiMatch[])[] = [
  findEmails, findIbans, findCards, findDnis, findNies, findPhones, findIpAddresses,
];

// When two detectors claim the same span, the more specific identifier wins; "91.234.56.78" is read as a
// Spanish phone rather than an IPv4 address because that is how Spaniards write landlines.
const SPECIFICITY: Readonly<Record<PiiType, number>> = { email: 0, iban: 1, card: 2, dni: 3, nie: 4, phone: 5, ip: 6 };

export const PII_PLACEHOLDERS: Readonly<Record<PiiType, string>> = {
  email: "[EMAIL]", phone: "[PHONE]", dni: "[DNI]", nie: "[NIE]", iban: "[IBAN]", card: "[CARD]", ip: "[IP]",
};

// Every detector needs an ASCII digit or an "@" to match. Most prose has neither, and one scan for them is far
// cheaper than seven patterns with lookbehinds tried at every position (a release masks millions of texts).
const MAY_HOLD_PII = /[0-9@]/;

/** Every PII span in `text`, sorted by start and never overlapping (the longest claim wins). */
export function findPii(text: string): PiiMatch[] {
  if (!MAY_HOLD_PII.test(text)) return [];
  const candidates = DETECTORS.flatMap((detect) => detect(text)).sort(
    (a, b) => b.end - b.start - (a.end - a.start) || SPECIFICITY[a.type] - SPECIFICITY[b.type] || a.start - b.start,
  );
  const kept: PiiMatch[] = [];
  for (const c of candidates) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
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
