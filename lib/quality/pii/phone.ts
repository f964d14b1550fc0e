// Finds Spanish phone numbers (with or without +34/0034) and international numbers written with a leading "+".
import { hasPhoneCue, isVersionReferenceOrCount } from "./number-context";
import { NOT_INSIDE_TOKEN_AFTER, NOT_INSIDE_TOKEN_BEFORE, type PiiMatch } from "./pii-match";

const SEPARATOR = "[ \\u00A0.\\-]";
const SPANISH_PHONE = new RegExp(
  String.raw`${NOT_INSIDE_TOKEN_BEFORE}(?<!\+)(\(?(?:\+|00)34\)?${SEPARATOR}?)?(\(?[6789]\d{1,2}\)?(?:${SEPARATOR}?\d){6,7})${NOT_INSIDE_TOKEN_AFTER}`,
  "gu",
);
// The area code may sit in brackets: "(91) 234 56 78", "(+34) 612 345 678".
// "+44 20 7946 0958", "+14155552671", "+1 (415) 555-2671": a country code, then 7–14 more digits.
// Every group after the first starts with a separator or a bracket, so a long digit run cannot be split in
// exponentially many ways when the match fails.
const INTERNATIONAL_PHONE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_+])\+[1-9]\d*(?:${SEPARATOR}?\(\d+\)|${SEPARATOR}\d+)*${NOT_INSIDE_TOKEN_AFTER}`,
  "gu",
);

// How Spaniards group the nine digits: 612 345 678, 91 234 56 78, 912 34 56 78, 612 34 56 78, 612345678,
// and less often 612 345678 or 91 2345678.
const SPANISH_GROUPINGS = ["9", "3-3-3", "2-3-2-2", "3-2-2-2", "2-2-2-3", "3-6", "2-7"];

function groupsOf(digitsWithSeparators: string): { lengths: string; separators: Set<string> } {
  const groups = digitsWithSeparators.split(/[^\d]+/).filter(Boolean);
  const separators = new Set(digitsWithSeparators.match(/[^\d]/g) ?? []);
  return { lengths: groups.map((g) => g.length).join("-"), separators };
}

function hasBalancedBrackets(part: string): boolean {
  return !/[()]/.test(part) || /^\([^()]+\)[^()]*$/.test(part);
}

/**
 * "yes", "no", or "if-said" for a number that reads as a phone only when a phone is being talked about:
 * unprefixed, "612.345.678" is also how a quantity is grouped in thousands ("612.345.678 personas").
 */
function spanishPhoneVerdict(prefix: string | undefined, national: string): "yes" | "no" | "if-said" {
  if (!hasBalancedBrackets(prefix ?? "") || !hasBalancedBrackets(national)) return "no";
  const { lengths, separators } = groupsOf(national.replace(/[()]/g, ""));
  if (separators.size > 1 || !SPANISH_GROUPINGS.includes(lengths)) return "no";
  if (prefix) return "yes";
  // "700 000 000" is a round figure, not a phone.
  if (/0{3}\D?0{3}$/.test(national)) return "no";
  return lengths === "3-3-3" && separators.has(".") ? "if-said" : "yes";
}

function isInternationalPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, "");
  if (digits.length < 8 || digits.length > 15) return false;
  // "+1.234.567" is a signed quantity with thousands separators, not a number to dial.
  const groups = candidate.slice(1).split(/[^\d]+/).filter(Boolean);
  const thousandsLike = candidate.includes(".") && groups.slice(1).every((g) => g.length === 3);
  return !thousandsLike;
}

export function findPhones(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const m of text.matchAll(SPANISH_PHONE)) {
    const end = m.index + m[0].length;
    const verdict = spanishPhoneVerdict(m[1], m[2] ?? "");
    if (verdict === "no") continue;
    // "612345678 €", "ref. 612 345 678", "612345678 zenbakiko eskaera": an amount, a reference, a count.
    if (!m[1] && isVersionReferenceOrCount(text, m.index, end)) continue;
    if (verdict === "if-said" && !hasPhoneCue(text, m.index, end)) continue;
    found.push({ type: "phone", start: m.index, end });
  }
  for (const m of text.matchAll(INTERNATIONAL_PHONE)) {
    if (isInternationalPhone(m[0])) found.push({ type: "phone", start: m.index, end: m.index + m[0].length });
  }
  return found;
}
