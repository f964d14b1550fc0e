// Spelling dictionaries as a judge independent of our model: which words of a text Debian's hunspell dictionaries
// reject. Used to count the misses that are correct text of another language (ambiguity.ts) and to drop mislabelled
// lines from training text (common-voice.ts). Needs Debian's hunspell and the dictionaries (apt-get install hunspell
// hunspell-pt-pt hunspell-pt-br hunspell-es hunspell-ca hunspell-gl); HUNSPELL and HUNSPELL_DICTIONARIES point
// elsewhere when they are not installed.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const DICTIONARY_DIR = process.env.HUNSPELL_DICTIONARIES ?? "/usr/share/hunspell";

/** The words judged: all but those in capitals inside a sentence (names), as written (hunspell knows "Casa" is "casa"). */
export function judgedWords(text: string): string[] {
  return [...text.matchAll(/[\p{L}'’·-]+/gu)]
    .filter((match) => /^\P{Lu}/u.test(match[0]) || /^[\s"'«¿¡(]*$|[.!?:;][\s"'«¿¡(]*$/u.test(text.slice(0, match.index)))
    .map((match) => match[0].replace(/^['’·-]+|['’·-]+$/g, ""))
    .filter(Boolean);
}

/**
 * The words of `words` that the dictionaries (names such as "pt_PT,pt_BR": several act as one, a word passing when
 * any has it) reject, asked of hunspell once for all.
 */
export function rejectedWords(words: Iterable<string>, dictionaries: string): Set<string> {
  const output = execFileSync(process.env.HUNSPELL ?? "hunspell", ["-d", dictionaries.split(",").map((name) => join(DICTIONARY_DIR, name)).join(","), "-l"], {
    input: [...new Set(words)].join("\n"),
    maxBuffer: 1 << 26,
    // Without a UTF-8 locale hunspell misreads every accented word.
    env: { ...process.env, LC_ALL: "C.UTF-8" },
  });
  return new Set(output.toString("utf8").split("\n"));
}

/** Whether a text whose judged words are `words` is correct word for word: none of them is in `rejected`. */
export const acceptsAll = (words: readonly string[], rejected: ReadonlySet<string>) => words.every((word) => !rejected.has(word));
