// Finds Spanish DNI and NIE numbers whose check letter is right, so typos and made-up codes pass.
import { NOT_INSIDE_TOKEN_AFTER, NOT_INSIDE_TOKEN_BEFORE, type PiiMatch } from "./pii-match";

const CHECK_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

// "12345678Z", "12345678-Z", "12.345.678 Z", "12 345 678 Z", "12-345-678-Z": one separator, used between all
// three blocks or none, and the letter glued or after one space, dash or dot.
const DNI = new RegExp(
  String.raw`${NOT_INSIDE_TOKEN_BEFORE}(\d{2}([. \-]?)\d{3}\2\d{3})[ \-.]?([A-Za-z])${NOT_INSIDE_TOKEN_AFTER}`,
  "gu",
);
// "X1234567L", "X-1234567-L", "X 1234567 L", "X-1.234.567-L", "X 1 234 567 L".
const NIE = new RegExp(
  String.raw`${NOT_INSIDE_TOKEN_BEFORE}([XYZxyz])[ \-.]?(\d([. ]?)\d{3}\3\d{3})[ \-.]?([A-Za-z])${NOT_INSIDE_TOKEN_AFTER}`,
  "gu",
);

// After a space, a lower-case vowel or "y" is the next word ("12.345.678 y 13.000.000"), not a check letter.
function isWordNotLetter(match: string): boolean {
  return / [aeiouy]$/.test(match);
}

function hasRightCheckLetter(digits: string, letter: string): boolean {
  return CHECK_LETTERS[Number(digits) % 23] === letter.toUpperCase();
}

export function findDnis(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const m of text.matchAll(DNI)) {
    const digits = (m[1] ?? "").replace(/\D/g, "");
    if (!isWordNotLetter(m[0]) && hasRightCheckLetter(digits, m[3] ?? "")) found.push({ type: "dni", start: m.index, end: m.index + m[0].length });
  }
  return found;
}

export function findNies(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const m of text.matchAll(NIE)) {
    const prefix = String("XYZ".indexOf((m[1] ?? "").toUpperCase()));
    if (!isWordNotLetter(m[0]) && hasRightCheckLetter(prefix + (m[2] ?? "").replace(/\D/g, ""), m[4] ?? "")) {
      found.push({ type: "nie", start: m.index, end: m.index + m[0].length });
    }
  }
  return found;
}
