// What a PII detector reports, and the token boundaries every detector shares.
import type { PiiType } from "@/lib/vocabulary";

/** A span of personal data: `text.slice(start, end)` is the match (UTF-16 offsets). */
export interface PiiMatch {
  type: PiiType;
  start: number;
  end: number;
  /** Set on an e-mail address written out to dodge harvesters ("ana arroba gmail punto com", "ana [at] gmail [dot] com"). */
  obfuscated?: true;
}

/**
 * Lookbehind that keeps a match from starting in the middle of a word or of a longer number such as
 * "1.234,56", "12/03/2024" or "978-84-…": no letter or digit right before, nor a digit plus one separator.
 */
export const NOT_INSIDE_TOKEN_BEFORE = String.raw`(?<![\p{L}\p{N}_])(?<!\p{N}[.,/:\-])`;
/** Mirror of NOT_INSIDE_TOKEN_BEFORE for the end of a match. */
export const NOT_INSIDE_TOKEN_AFTER = String.raw`(?![\p{L}\p{N}_])(?![.,/:\-]\p{N})`;
