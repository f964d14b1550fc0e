// Finds Spanish DNI and NIE numbers whose check letter is right, so typos and made-up codes pass.
import { NOT_INSIDE_TOKEN_AFTER, NOT_INSIDE_TOKEN_BEFORE, type PiiMatch } from "./pii-match";

const CHECK_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

// "12345678Z", "12345678-Z", "12.345.678 Z"; dots must group all three blocks or none.
const DNI = new RegExp(
  String.raw`${NOT_INSIDE_TOKEN_BEFORE}(\d{2}(\.?)\d{3}\2\d{3})[ \-]?([A-Za-z])${NOT_INSIDE_TOKEN_AFTER}`,
  "gu",
);
const NIE = new RegExp(
  String.raw`${NOT_INSIDE_TOKEN_BEFORE}([XYZxyz])[ \-]?(\d{7})[ \-]?([A-Za-z])${NOT_INSIDE_TOKEN_AFTER}`,
  "gu",
);

function hasRightCheckLetter(digits: string, letter: string): boolean {
  return CHECK_LETTERS[Number(digits) % 23] === letter.toUpperCase();
}

export function findDnis(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const m of text.matchAll(DNI)) {
    const digits = (m[1] ?? "").replace(/\./g, "");
    if (hasRightCheckLetter(digits, m[3] ?? "")) found.push({ type: "dni", start: m.index, end: m.index + m[0].length });
  }
  return found;
}

export function findNies(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const m of text.matchAll(NIE)) {
    const prefix = String("XYZ".indexOf((m[1] ?? "").toUpperCase()));
    if (hasRightCheckLetter(prefix + (m[2] ?? ""), m[3] ?? "")) {
      found.push({ type: "nie", start: m.index, end: m.index + m[0].length });
    }
  }
  return found;
}
