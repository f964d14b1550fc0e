// Finds e-mail addresses (Unicode letters allowed in both parts, as in internationalised addresses).
import type { PiiMatch } from "./pii-match";

const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?`;
const EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}_%+\-](?:[\p{L}\p{N}._%+\-]*[\p{L}\p{N}_%+\-])?@(?:${LABEL}\.)+\p{L}{2,}(?![\p{L}\p{N}_\-]|\.[\p{L}\p{N}])`,
  "gu",
);

export function findEmails(text: string): PiiMatch[] {
  if (!text.includes("@")) return []; // the pattern is slow to fail, and almost every text has no "@"
  return [...text.matchAll(EMAIL)].map((m) => ({ type: "email", start: m.index, end: m.index + m[0].length }));
}
