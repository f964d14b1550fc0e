// Human-written text in the register annotators write (dialogue, narrative, questions, imperatives, short lines),
// from Debian packages that are neither games, educational programs nor translation catalogs:
//   - the Reina-Valera 1909 Spanish Bible and the World English Bible (`sword-text-sparv`, `sword-text-web`, read
//     through `diatheke`): narrative and dialogue, one verse per line, a book per document;
//   - the example sentences of DACCO, the Catalan–English dictionary (`dacco-common`): everyday Catalan and English
//     lines written by the dictionary's authors, a dictionary file (a letter) per document;
//   - the text of Asterisk's voice prompts (`asterisk-core-sounds-{es,fr,it,en}`): short spoken instructions;
//   - the Vim and Emacs tutorials (`vim-runtime`, `emacs-common`): imperatives, in es, ca, pt, it, fr, de, en.
// Build machine only (CI never rebuilds the model):
//   apt-get install diatheke sword-text-sparv sword-text-web
//   apt-get download dacco-common asterisk-core-sounds-{es,fr,it,en} vim-runtime emacs-common, unpacked in RAW_DIR.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { decodeEntities, RAW_DIR, type Passage } from "./raw-text";

/**
 * The 1909 Spanish spelling accents the one-letter words ("á", "é", "ó") and some monosyllables ("fué", "dió"), and
 * the first word of each chapter is in capitals ("EN el principio"); both are spelt as people write today, so the
 * model does not learn an accented "á" as Spanish.
 */
export function modernSpanishSpelling(verse: string): string {
  return verse
    .replace(/(?<!\p{L})([áéóú])(?!\p{L})/gu, (accented) => accented.normalize("NFD")[0]!)
    .replace(/(?<!\p{L})(fué|dió|vió|fuí)(?!\p{L})/giu, (word) => word.normalize("NFD").replace(/\u0301/g, ""))
    .replace(/^(\p{Lu})(\p{Lu}+)(?=\s+\p{Ll})/u, (_, first: string, rest: string) => first + rest.toLowerCase());
}

/**
 * Verses of a SWORD Bible module, through diatheke's plain output: the text on each verse's own line. Lines that do
 * not start a verse are left out: they are the World English Bible's later lines of poetry, but also psalm titles
 * that would be glued to the verse before.
 */
export function bibleVerses(module: string, language: string): Passage[] {
  const output = execFileSync("diatheke", ["-b", module, "-f", "plain", "-k", "Genesis 1:1 - Revelation of John 22:21"],
    { maxBuffer: 1 << 28 }).toString("utf8");
  return output.split("\n").flatMap((line) => {
    // Markup the plain output leaves in (the World English Bible repeats a psalm title before many verses).
    const plain = line.replace(/<title\b[^>]*>.*?<\/title>/g, " ").replace(/<[^>]*>/g, " ").trim();
    const start = /^((?:\d )?[A-Z][A-Za-z ]*?) \d+:\d+: (.*)$/.exec(plain);
    const text = start?.[2]!.replace(/\s+/g, " ").trim();
    if (!start || !text) return [];
    return [{ text: language === "es" ? modernSpanishSpelling(text) : text, language, source: module, document: `${module}:${start[1]}` }];
  });
}

/** DACCO's example sentences of one language (`catexamp` or `engexamp`), a dictionary file per document. */
export function daccoExamples(language: "ca" | "en"): Passage[] {
  const tag = language === "ca" ? "catexamp" : "engexamp";
  const root = join(RAW_DIR, "usr/share/dacco-common/dictionaries");
  const seen = new Set<string>();
  const out: Passage[] = [];
  for (const direction of ["cateng", "engcat"]) {
    const dir = join(root, direction);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      for (const match of readFileSync(join(dir, name), "utf8").matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))) {
        // Headwords are marked in bold inside the example ("&lt;b&gt;"); the text is what matters.
        const text = decodeEntities(decodeEntities(match[1]!)).replace(/<\/?b>/g, "").replace(/\s+/g, " ").trim();
        if (!text || seen.has(text)) continue;
        seen.add(text);
        out.push({ text, language, source: "dacco", document: `dacco:${direction}/${name}` });
      }
    }
  }
  return out;
}

/** The text of Asterisk's voice prompts ("name: text"); each prompt is its own document. */
export function asteriskPrompts(language: "es" | "fr" | "it" | "en"): Passage[] {
  const path = join(RAW_DIR, `usr/share/doc/asterisk-core-sounds-${language}/core-sounds-${language}.txt.gz`);
  if (!existsSync(path)) return [];
  return gunzipSync(readFileSync(path)).toString("utf8").split("\n").flatMap((line) => {
    const match = /^([^\s:;]+):\s*(.+)$/.exec(line.trim());
    if (!match || match[2]!.startsWith("[")) return [];
    return [{ text: match[2]!.trim(), language, source: "asterisk-core-sounds", document: `asterisk-${language}:${match[1]}` }];
  });
}

const VIM_TUTOR: Partial<Record<string, string>> = {
  es: "tutor.es.utf-8", ca: "tutor.ca.utf-8", pt: "tutor.pt.utf-8", it: "tutor.it.utf-8", fr: "tutor.fr.utf-8",
  de: "tutor.de.utf-8", en: "tutor.utf-8",
};
const EMACS_TUTORIAL: Partial<Record<string, string>> = {
  es: "TUTORIAL.es", pt: "TUTORIAL.pt_BR", it: "TUTORIAL.it", fr: "TUTORIAL.fr", de: "TUTORIAL.de", en: "TUTORIAL",
};

/**
 * Paragraphs of the Vim and Emacs tutorials, each its own document (a language has one or two tutorials, too few
 * files to split by file). Lines marked as exercises or commands ("--->", ">>", indented tables) are kept only for
 * their prose; `registerLinesOf` later drops what is not prose.
 */
export function tutorialParagraphs(language: string): Passage[] {
  const files: [string, string][] = [];
  const vim = VIM_TUTOR[language];
  if (vim) files.push(["vim-runtime", join(RAW_DIR, "usr/share/vim/vim90/tutor", vim)]);
  const emacs = EMACS_TUTORIAL[language];
  if (emacs) {
    const dir = join(RAW_DIR, "usr/share/emacs");
    const version = existsSync(dir) ? readdirSync(dir).find((name) => /^\d/.test(name)) : undefined;
    if (version) files.push(["emacs-common", join(dir, version, "etc/tutorials", emacs)]);
  }
  return files.filter(([, path]) => existsSync(path)).flatMap(([source, path]) =>
    readFileSync(path, "utf8")
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.replace(/^\s*(--->|>>|\*\*|\d+\.)\s*/gm, "").replace(/\*\*/g, "").replace(/\s+/g, " ").trim())
      .filter((text) => text.length > 0 && !/~~~|---/.test(text))
      .map((text, i) => ({ text, language, source, document: `${source}:${language}#${i}` })));
}
