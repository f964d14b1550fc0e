// Finds payment card numbers: 13–19 digits in a card-like grouping, an issuer prefix that exists, and a valid Luhn sum.
import type { PiiMatch } from "./pii-match";

// Runs of digit groups joined by one space, dash or dot; the window search below picks the card out of them.
const DIGIT_RUN = /(?<![\p{L}\p{N}_])(?<!\p{N}[.,/:])\d+(?:[ \-.]\d+)*/gu;
const GLUED_AFTER = /^(?:[\p{L}_]|[.,/:]\p{N})/u;

// How card numbers are printed: one block, fours (Visa, Mastercard, 19-digit Maestro), 4-6-5 (Amex), 4-6-4 (Diners).
const CARD_GROUPINGS: readonly (readonly number[])[] = [
  [4, 4, 4, 4, 3], [4, 4, 4, 4, 2], [4, 4, 4, 4, 1], [4, 4, 4, 4], [4, 6, 5], [4, 6, 4], [4, 4, 4, 1], [4, 4, 4, 3],
];

interface IssuerRange { from: number; to: number; digits: number; lengths: readonly number[] }
const ANY_LENGTH = [13, 14, 15, 16, 17, 18, 19];
// Issuer identification ranges of the networks in use; a number outside them is a count, an ISBN, a reference…
const ISSUER_RANGES: readonly IssuerRange[] = [
  { from: 4, to: 4, digits: 1, lengths: [13, 16, 19] }, // Visa
  { from: 51, to: 55, digits: 2, lengths: [16] }, // Mastercard
  { from: 2221, to: 2720, digits: 4, lengths: [16] }, // Mastercard 2-series
  { from: 34, to: 34, digits: 2, lengths: [15] }, // American Express
  { from: 37, to: 37, digits: 2, lengths: [15] },
  { from: 300, to: 305, digits: 3, lengths: [14, 16, 17, 18, 19] }, // Diners Club
  { from: 36, to: 36, digits: 2, lengths: [14, 16, 17, 18, 19] },
  { from: 38, to: 39, digits: 2, lengths: [16, 17, 18, 19] },
  { from: 3528, to: 3589, digits: 4, lengths: [16, 17, 18, 19] }, // JCB
  { from: 6011, to: 6011, digits: 4, lengths: [16, 17, 18, 19] }, // Discover
  { from: 644, to: 649, digits: 3, lengths: [16, 17, 18, 19] },
  { from: 65, to: 65, digits: 2, lengths: [16, 17, 18, 19] },
  { from: 62, to: 62, digits: 2, lengths: [16, 17, 18, 19] }, // UnionPay
  { from: 2200, to: 2204, digits: 4, lengths: [16, 17, 18, 19] }, // Mir
  { from: 50, to: 50, digits: 2, lengths: ANY_LENGTH }, // Maestro
  { from: 56, to: 69, digits: 2, lengths: ANY_LENGTH },
];

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function hasPlausibleIssuer(digits: string): boolean {
  return ISSUER_RANGES.some(
    (r) => r.lengths.includes(digits.length) && Number(digits.slice(0, r.digits)) >= r.from && Number(digits.slice(0, r.digits)) <= r.to,
  );
}

export function isValidCardNumber(digits: string): boolean {
  return /^\d{13,19}$/.test(digits) && hasPlausibleIssuer(digits) && passesLuhn(digits);
}

function isCardGrouping(groups: readonly string[]): boolean {
  if (groups.length === 1) return true;
  return CARD_GROUPINGS.some((g) => g.length === groups.length && g.every((len, i) => groups[i]?.length === len));
}

/** The digit groups of a run and where each starts (a plain loop: no match object per group on long runs). */
function digitGroups(run: string, offset: number): { digits: string; start: number }[] {
  const groups: { digits: string; start: number }[] = [];
  let start = -1;
  for (let i = 0; i <= run.length; i++) {
    const code = i < run.length ? run.charCodeAt(i) : -1;
    const isDigit = code >= 48 && code <= 57;
    if (isDigit && start < 0) start = i;
    if (!isDigit && start >= 0) {
      groups.push({ digits: run.slice(start, i), start: offset + start });
      start = -1;
    }
  }
  return groups;
}

export function findCards(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const runEnd = run.index + run[0].length;
    // Offsets of each group inside the run, so a card can be picked out of "… 4111 1111 1111 1111 12/26".
    const groups = digitGroups(run[0], run.index);
    const separatorBefore = (k: number) => text[(groups[k]?.start ?? 0) - 1] ?? "";
    let first = 0;
    while (first < groups.length) {
      let matchedUpTo = -1;
      for (let last = Math.min(groups.length - 1, first + 4); last >= first && matchedUpTo < 0; last--) {
        const window = groups.slice(first, last + 1);
        const lastGroup = window[window.length - 1];
        if (!lastGroup) continue;
        const end = lastGroup.start + lastGroup.digits.length;
        if (end === runEnd && GLUED_AFTER.test(text.slice(end, end + 2))) continue;
        const digits = window.map((g) => g.digits).join("");
        // One separator throughout: "4111 1111-1111.1111" is not how anyone prints a card.
        const sameSeparator = window.every((_, k) => k === 0 || separatorBefore(first + k) === separatorBefore(first + 1));
        if (sameSeparator && isCardGrouping(window.map((g) => g.digits)) && isValidCardNumber(digits)) {
          found.push({ type: "card", start: window[0]?.start ?? run.index, end });
          matchedUpTo = last;
        }
      }
      first = matchedUpTo >= 0 ? matchedUpTo + 1 : first + 1;
    }
  }
  return found;
}
