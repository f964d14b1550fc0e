// Finds e-mail addresses written out so that a harvester misses them: "ana arroba gmail punto com",
// "nom(arrova)domini(punt)cat", "izena a bildua posta puntu eus", "nome[en]servizo[punto]gal", "name [at] domain [dot] com".
import type { PiiMatch } from "./pii-match";

// How each language names "@": es/gl "arroba", ca "arrova" (TERMCAT; also "rova", and "arroba" in speech),
// eu "a bildua" (Euskaltzaindia; "arroba" too), en "at"; Galician guides also hide it as "[en]". "rova" and "en"
// are too short or too common to be read bare, so they count only inside brackets.
const AT_WORD = String.raw`arroba|arrova|a\s{1,3}bildua|at`;
const AT_MARKER = new RegExp(
  String.raw`[\[({<]\s{0,3}(?:${AT_WORD}|rova|bildua|en|@)\s{0,3}[\])}>]|(?<=\s)(?:${AT_WORD})(?=\s)|@`,
  "giu",
);
// "." spelled: es/gl "punto", gl (reintegrationist) "ponto", ca "punt", eu "puntu"/"puntua", en "dot".
const DOT_WORD = String.raw`punto|ponto|punt|puntu|puntua|dot`;
const SPELLED_DOT = String.raw`\s{0,3}[\[({<]\s{0,3}(?:${DOT_WORD}|point|\.)\s{0,3}[\])}>]\s{0,3}|\s{1,3}(?:${DOT_WORD})\s{1,3}|\s{1,3}\.\s{1,3}`;
const DOT = new RegExp(String.raw`${SPELLED_DOT}|\.`, "iuy");
const LABEL = /[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?(?![\p{L}\p{N}_%+\-])/uy;
// The local part read back from the marker: words joined by literal dots or by spelled ones.
const LOCAL_TOKEN = String.raw`[\p{L}\p{N}_%+\-]+(?:\.[\p{L}\p{N}_%+\-]+)*`;
const LOCAL_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}_%+\-.])(?:${LOCAL_TOKEN}(?:${SPELLED_DOT}))*${LOCAL_TOKEN}\s{0,3}$`, "iu");
const SPACED = /\s/;
// Cheap test before reading the local part back: the marker must follow a character an address can end with.
const ENDS_A_LOCAL_PART = /[\p{L}\p{N}_%+\-]\s{0,3}$/u;

// After a spelled-out word for the dot, the address must end on a real top-level domain, so "… arroba de aceite
// punto final" is left alone. Domains that are everyday words in the four languages ("de", "la") are not in the
// list; "es" is, because it is the one everybody writes.
const SPELLED_TLDS = new Set([
  "com", "es", "cat", "eus", "gal", "org", "net", "eu", "info", "edu", "gob", "gov", "int", "fr", "pt", "it", "uk",
  "io", "biz", "mx", "ar", "cl", "pe", "uy", "ve", "br", "us", "ch", "be", "nl", "ie", "ad", "coop", "online", "dev",
]);
// Before a bare "at" or "arroba", these are the sentence's own words ("meet us at noon dot…", "pesa una arroba…"),
// or a social network before a handle ("Instagram arroba cafeteria.luna").
const NOT_A_LOCAL_PART = new Set([
  // English pronouns and verbs that come before "at".
  "i", "me", "you", "he", "she", "it", "we", "they", "us", "him", "her", "them", "is", "are", "was", "were", "be",
  "look", "meet", "stay", "stayed", "arrive", "arrived", "find", "reach", "contact", "email", "mail", "write",
  "available", "here", "there", "based", "work", "works", "worked", "live", "lives", "lived", "studied", "bought",
  "sold", "shop", "ordered", "seen", "posted", "listed", "published", "hosted", "online", "home", "and", "or", "but",
  "not", "only", "one",
  // Articles, numerals and prepositions before "arroba" the unit of weight.
  "una", "un", "unha", "media", "mitja", "cada", "la", "el", "de", "a", "o", "e", "y", "por", "per", "dos", "tres",
  "bat", "bi",
  // Social networks, before a handle.
  "instagram", "twitter", "tiktok", "facebook", "telegram", "threads", "bluesky", "mastodon", "youtube", "linkedin",
  "ig", "x",
]);

interface Domain {
  end: number;
  spelled: boolean;
}

/** Reads "label dot label …" from `from`, one kind of dot throughout, ending on a plausible top-level domain. */
function readDomain(text: string, from: number): Domain | null {
  const labels: { end: number; tld: string; dot: "literal" | "bracketed" | "word" }[] = [];
  let position = from;
  let family: "literal" | "spelled" | null = null;
  let dot: "literal" | "bracketed" | "word" = "literal";
  for (let parts = 0; parts < 10; parts++) {
    LABEL.lastIndex = position;
    const label = LABEL.exec(text);
    if (!label) break;
    position = label.index + label[0].length;
    if (parts > 0) labels.push({ end: position, tld: label[0], dot });
    DOT.lastIndex = position;
    const separator = DOT.exec(text);
    if (!separator) break;
    dot = separator[0] === "." ? "literal" : /[\[({<]/.test(separator[0]) ? "bracketed" : "word";
    const kind = dot === "literal" ? "literal" : "spelled";
    if (family !== null && family !== kind) break;
    family = kind;
    position = separator.index + separator[0].length;
  }
  for (let k = labels.length - 1; k >= 0; k--) {
    const last = labels[k];
    if (!last) continue;
    const tldOk = last.dot === "word" ? SPELLED_TLDS.has(last.tld.toLowerCase()) : /^\p{L}{2,24}$/u.test(last.tld);
    if (tldOk) return { end: last.end, spelled: family === "spelled" };
  }
  return null;
}

export function findSpelledEmails(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  let after = 0;
  for (const marker of text.matchAll(AT_MARKER)) {
    if (marker.index < after || !ENDS_A_LOCAL_PART.test(text.slice(Math.max(0, marker.index - 4), marker.index))) continue;
    const markerEnd = marker.index + marker[0].length;
    const local = LOCAL_BEFORE.exec(text.slice(Math.max(0, marker.index - 96), marker.index));
    if (!local) continue;
    const localText = local[0].trimEnd();
    const start = marker.index - local[0].length;
    const bareWord = /^\p{L}/u.test(marker[0]);
    if (bareWord && NOT_A_LOCAL_PART.has(localText.toLowerCase())) continue;
    let domainStart = markerEnd;
    while (domainStart < markerEnd + 3 && SPACED.test(text[domainStart] ?? "")) domainStart++;
    const domain = readDomain(text, domainStart);
    if (!domain) continue;
    // An address written plainly ("ana@gmail.com") is the plain detector's; this one reports what was disguised.
    const spacedAroundAt = localText !== local[0] || domainStart !== markerEnd;
    const spelledLocal = /[^\p{L}\p{N}_%+\-.]/u.test(localText);
    const disguised = marker[0] !== "@" || spacedAroundAt || domain.spelled || spelledLocal;
    if (!disguised) continue;
    found.push({ type: "email", start, end: domain.end, obfuscated: true });
    after = domain.end;
  }
  return found;
}
