// The normal form of item text for duplicate detection, apart from the hashing so that the editor's live checks
// can use it in the browser without pulling a Node crypto polyfill (and its eval, refused by our CSP) into the page.

/**
 * The form two texts share when they are "the same" for duplicate detection: NFC, lower-case, accents
 * kept (in these languages "més"/"mes" or "año"/"ano" are different words), punctuation removed,
 * whitespace collapsed.
 */
export function normaliseForDuplicates(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/\p{P}+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}
