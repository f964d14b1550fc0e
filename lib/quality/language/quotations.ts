// Finds what a text quotes: the words in quotation marks and Markdown block quotes, which are someone else's words.

/**
 * A quotation between `open` and `close` holding neither mark: it goes on across single line breaks but stops at a
 * blank line, where a paragraph ends.
 */
const quoted = (open: string, close: string) =>
  new RegExp(String.raw`${open}(?:[^\n${open}${close}]|\n(?![ \t]*\n))*${close}`, "g");

/** Angle quotes, the first choice in Spanish, Catalan and Galician; innermost first, as they nest. */
const ANGLE_QUOTED = quoted("«", "»");
/** Curly double quotes, the second choice, and English's. */
const CURLY_QUOTED = quoted("“", "”");
/** Straight double quotes, paired from the left as they come; one left over is a character like any other. */
const STRAIGHT_QUOTED = quoted('"', '"');
/** A Markdown block quote's line. */
const BLOCK_QUOTE_LINE = /^ {0,3}>.*$/gm;
const MAY_QUOTE = /[«“">]/;

/**
 * The text with what it quotes blanked out: spans in angle, curly or straight double quotes (a quote does not run on
 * past a blank line, and a quotation mark left unpaired is kept as text) and the lines of Markdown block quotes.
 * Single quotes are left alone, since the same marks are apostrophes ("l’home", "d'un").
 */
export function withoutQuotations(text: string): string {
  if (!MAY_QUOTE.test(text)) return text;
  let frame = text.replace(BLOCK_QUOTE_LINE, "");
  for (let previous = ""; previous !== frame; ) {
    previous = frame;
    frame = frame.replace(ANGLE_QUOTED, " ");
  }
  return frame.replace(CURLY_QUOTED, " ").replace(STRAIGHT_QUOTED, " ");
}
