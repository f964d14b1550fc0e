// Turns text into the features the language model scores: character n-grams inside words, and whole words.
import { withoutMarkdownCode } from "./markdown-code";

/** Longest character n-gram; words are padded with a space on each side so prefixes and suffixes count. */
export const MAX_NGRAM = 5;
/** Words are kept apart from n-grams by a prefix that no normalised text contains. */
export const WORD_PREFIX = "#";
/** Marks a word that was joined to the one before by a hyphen; not a letter, so not counted as one. */
export const HYPHEN = "-";

/**
 * Addresses in a text (web addresses, e-mail addresses) are no words of its language, and theirs are mostly English:
 * a link took "Baixa o ficheiro de https://github.com/… e ábreo." from Galician to Portuguese.
 */
const ADDRESS = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)\S*|[^\s@]+@[^\s@]+\.[^\s@]+/giu;
const MAY_HOLD_ADDRESS = /:\/\/|www\.|@/i;
/**
 * A token with a digit in it is a code, an id or a quantity ("fa246fa8", "MP3", "10km", "v2.1"), not words of a
 * language: split into its letters, a hex id's "fa … fa" (Aragonese) once outweighed a whole Spanish sentence.
 * Matched from the token's start only, so that the scan stays linear.
 */
const TOKEN_WITH_DIGIT = /(?<!\S)(?=\S*\p{N})\S+/gu;
const DIGIT = /\p{N}/u;

/**
 * Lower-cased words of letters only, outside Markdown code (withoutMarkdownCode). Apostrophes stay inside words
 * (Catalan "l'home", French "d'un") and the Catalan middle dot of "l·l" stays too: both are among the strongest hints
 * there are. A word joined to the one before by a hyphen keeps the hyphen in front ("declarar-se" → "declarar",
 * "-se"): Catalan, Portuguese and Occitan write their enclitic pronouns so ("fes-ho", "chama-se"), where Spanish and
 * Galician join them ("declararse", "chámase"), and split apart they looked like Spanish "se".
 */
export function wordsOf(text: string): string[] {
  // The removals only run on the texts that need them: this is the identifier's hottest path.
  const prose = withoutMarkdownCode(text);
  const withoutAddresses = MAY_HOLD_ADDRESS.test(prose) ? prose.replace(ADDRESS, " ") : prose;
  const withoutCodes = DIGIT.test(withoutAddresses) ? withoutAddresses.replace(TOKEN_WITH_DIGIT, " ") : withoutAddresses;
  const normalised = withoutCodes
    .normalize("NFC")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[ŀ]/g, "l·")
    .replace(/[.•∙⋅]/g, (dot, offset: number, whole: string) =>
      // "l.l" written with a full stop between two l's is the common typing of "l·l".
      dot === "." && whole[offset - 1] === "l" && whole[offset + 1] === "l" ? "·" : dot === "." ? " " : "·");
  const words: string[] = [];
  for (const raw of normalised.split(/[^\p{L}'·-]+/u)) {
    // Most words have no hyphen; they skip the split, whose array per word showed in the check's throughput.
    if (!raw.includes(HYPHEN)) {
      const word = trimmed(raw);
      if (word) words.push(word);
      continue;
    }
    let joined = false;
    for (const part of raw.split(HYPHEN)) {
      const word = trimmed(part);
      if (!word) continue;
      words.push(joined ? HYPHEN + word : word);
      joined = true;
    }
  }
  return words;
}

/** A word without the apostrophes and middle dots at its ends (quotes, list bullets). */
function trimmed(raw: string): string {
  return raw.replace(/^['·]+|['·]+$/g, "");
}

/** Calls `visit` once per feature occurrence (so repeated n-grams weigh as often as they occur). */
export function forEachFeature(words: readonly string[], visit: (feature: string) => void): void {
  for (const word of words) {
    visit(WORD_PREFIX + word);
    const padded = ` ${word} `;
    for (let n = 1; n <= MAX_NGRAM; n++) {
      for (let i = 0; i + n <= padded.length; i++) {
        const gram = padded.slice(i, i + n);
        if (gram !== " ") visit(gram);
      }
    }
  }
}
