// Whether a piece of text on a page comes from that page's language: its message catalog, the locale's own date,
// number and list formatting, or data (what people typed: names, item texts, guidelines …).
//
// Each catalog message becomes an anchored regular expression: literal text stays literal, `#` in a plural branch is
// a number, plural and select arguments become the alternation of their branches, and every other argument a group
// whose own text must in turn be known (so "{field}: {message}" does not wave through "Invalid input: expected
// number": both halves are checked, and neither is Basque). A rich-text message also yields one expression per part
// between its tags, because the browser renders those parts as separate text nodes.
import { readFileSync } from "node:fs";
import type { UiLocale } from "@/lib/vocabulary";

type Catalog = { [key: string]: string | Catalog };

const NUMBER = "[-+−]?[\\d][\\d\\s.,\\u00a0\\u202f']*";
const ARGUMENT = "([\\s\\S]+?)";

function flatten(catalog: Catalog): string[] {
  return Object.values(catalog).flatMap((value) => (typeof value === "string" ? [value] : flatten(value)));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Reads one ICU message from `start` up to an unmatched `}` (or the end); returns its pattern and where it stopped. */
function compileMessage(message: string, start: number, inPlural: boolean, cuts: number[]): { pattern: string; end: number } {
  let pattern = "";
  let literal = "";
  let index = start;
  const flush = () => {
    pattern += escape(literal);
    literal = "";
  };
  while (index < message.length) {
    const char = message[index]!;
    if (char === "}") break;
    if (char === "'" && message[index + 1] === "'") {
      literal += "'";
      index += 2;
      continue;
    }
    if (char === "#" && inPlural) {
      flush();
      pattern += NUMBER;
      index += 1;
      continue;
    }
    const tag = /^<\/?([a-zA-Z][\w-]*)\s*\/?>/.exec(message.slice(index));
    if (tag) {
      // A tag ends one text node and begins another: the parts on either side are matched on their own too.
      flush();
      cuts.push(pattern.length);
      index += tag[0].length;
      continue;
    }
    if (char === "{") {
      flush();
      const close = message.indexOf("}", index);
      const comma = message.indexOf(",", index);
      if (comma === -1 || comma > close) {
        pattern += ARGUMENT;
        index = close + 1;
        continue;
      }
      const rest = message.slice(comma + 1);
      const kind = /^\s*(\w+)\s*(,)?/.exec(rest);
      const type = kind?.[1] ?? "";
      index = comma + 1 + (kind?.[0].length ?? 0);
      if (type === "plural" || type === "select" || type === "selectordinal") {
        const branches: string[] = [];
        for (;;) {
          const head = /^\s*(offset:\s*\d+\s*)?([^\s{}]+)\s*\{/.exec(message.slice(index));
          if (!head) break;
          index += head[0].length;
          const branch = compileMessage(message, index, type !== "select" || inPlural, []);
          branches.push(branch.pattern);
          index = branch.end + 1;
        }
        const closing = message.indexOf("}", index);
        index = closing + 1;
        pattern += `(?:${branches.join("|")})`;
      } else {
        // number, date, time …: formatted by the locale; checked as its own text.
        let depth = 1;
        while (index < message.length && depth > 0) {
          if (message[index] === "{") depth += 1;
          if (message[index] === "}") depth -= 1;
          index += 1;
        }
        pattern += ARGUMENT;
      }
      continue;
    }
    literal += char;
    index += 1;
  }
  flush();
  return { pattern, end: index };
}

/**
 * Has something of its own outside its argument groups. A message of arguments and punctuation only ("{status}
 * ({count})", "{name} ({email}) · {start} – {end}") is kept: its arguments are each checked in turn, and its
 * punctuation makes every one shorter than the text, so checking cannot go round in a circle. A message of bare
 * arguments ("{message}") would match anything as itself, and is dropped.
 */
const hasLiteralText = (pattern: string) => /\S/u.test(pattern.replace(/\(\[\\s\\S\][*+]\?\)/g, "").replace(/\\[sdu][\da-f]{0,4}/g, "").replace(/\(\?:/g, "").replace(/(?<!\\)[()|?]/g, ""));

export function compileCatalog(messages: string[]): RegExp[] {
  const patterns = new Set<string>();
  for (const message of messages) {
    const cuts: number[] = [];
    const { pattern } = compileMessage(message.replace(/\s+/g, " ").trim(), 0, false, cuts);
    patterns.add(pattern);
    let previous = 0;
    for (const cut of [...cuts, pattern.length]) {
      const piece = pattern.slice(previous, cut).trim();
      if (piece) patterns.add(piece);
      previous = cut;
    }
  }
  return [...patterns].filter(hasLiteralText).map((pattern) => new RegExp(`^${pattern}$`, "u"));
}

export function catalogMessages(locale: UiLocale): string[] {
  return flatten(JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as Catalog);
}

/** Words the locale's own Intl formatting produces: month and day names, "(e)ko", relative times, list words. */
function intlWords(locale: string): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) words.add(word);
  };
  const styles: Intl.DateTimeFormatOptions[] = [
    { dateStyle: "full", timeStyle: "short" },
    { dateStyle: "long", timeStyle: "short" },
    { dateStyle: "medium", timeStyle: "short" },
    { dateStyle: "short", timeStyle: "short" },
    { month: "long", year: "numeric" },
    { month: "short", year: "numeric" },
    { month: "short", day: "numeric" },
    { month: "long" },
    { month: "short" },
    { weekday: "short", day: "numeric", month: "short" },
    { hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  ];
  for (let month = 0; month < 12; month += 1) {
    for (const day of [1, 2, 3, 4, 5, 6, 7, 21, 22, 23]) {
      const date = new Date(Date.UTC(2026, month, day, 9 + (day % 2) * 10, 30));
      for (const style of styles) add(new Intl.DateTimeFormat(locale, { ...style, timeZone: "UTC" }).format(date));
    }
  }
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const unit of ["second", "minute", "hour", "day", "week", "month", "year"] as const) {
    for (const value of [-3, -2, -1, 0, 1, 2, 3]) add(relative.format(value, unit));
  }
  for (const type of ["conjunction", "disjunction", "unit"] as const) add(new Intl.ListFormat(locale, { type }).format(["x", "y", "z"]));
  for (const unit of ["byte", "kilobyte", "megabyte", "gigabyte", "percent", "second", "minute", "hour", "day"]) {
    for (const unitDisplay of ["long", "short", "narrow"] as const) {
      for (const value of [0, 1, 2, 1.5, 12]) add(new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay }).format(value));
    }
  }
  return words;
}

function listSeparators(locale: string): string[] {
  const separators = new Set<string>();
  for (const type of ["conjunction", "disjunction", "unit"] as const) {
    for (const part of new Intl.ListFormat(locale, { type }).formatToParts(["x", "y", "z"])) {
      if (part.type === "literal") separators.add(part.value);
    }
  }
  // The product's own joiner of facts ("1 item · 7.5 kB").
  separators.add(" · ");
  return [...separators].sort((a, b) => b.length - a.length);
}

export type DataLookup = (text: string) => Promise<boolean>;

/**
 * `known(text)` for one UI language. `isData` answers whether the text is (part of) something people typed: the
 * all-pages test asks the database, whose rows every other spec may be adding to at the same time.
 */
export function catalogTextChecker(locale: UiLocale, isData: DataLookup) {
  const patterns = compileCatalog(catalogMessages(locale));
  const words = intlWords(locale);
  const separators = listSeparators(locale);
  const memo = new Map<string, Promise<boolean>>();

  const formattedByLocale = (text: string) => (text.toLowerCase().match(/\p{L}+/gu) ?? []).every((word) => words.has(word));
  // Identifiers, addresses, versions, file names, slugs: one token with a digit or one of . _ / @ - in it.
  const identifier = (text: string) => !/\s/.test(text) && /[\d._/@-]/.test(text) && !/^\p{L}+[.:]?$/u.test(text);

  async function byCatalog(text: string, depth: number): Promise<boolean> {
    for (const pattern of patterns) {
      const match = pattern.exec(text);
      if (!match) continue;
      const groups = match.slice(1).filter((group): group is string => group !== undefined && group.trim() !== "");
      if (depth >= 3 && groups.some((group) => /\p{L}/u.test(group))) continue;
      let all = true;
      for (const group of groups) {
        if (!(await check(group.trim(), depth + 1))) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }

  async function asList(text: string, depth: number): Promise<boolean> {
    for (const separator of separators) {
      if (!separator.trim() && separator !== " ") continue;
      const pieces = text.split(separator).map((piece) => piece.trim()).filter(Boolean);
      if (pieces.length < 2) continue;
      let all = true;
      for (const piece of pieces) {
        if (!(await check(piece, depth + 1))) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }

  function check(raw: string, depth = 0): Promise<boolean> {
    // A fact joined to the one before or after it inside the same text node (" · guidelines version 1").
    const text = raw.replace(/\s+/g, " ").trim().replace(/^· /, "").replace(/ ·$/, "");
    const cached = memo.get(text);
    if (cached) return cached;
    const result = (async () => {
      if (!/\p{L}/u.test(text)) return true;
      if (identifier(text) || formattedByLocale(text)) return true;
      if (await byCatalog(text, depth)) return true;
      if (depth < 3 && (await asList(text, depth))) return true;
      return isData(text);
    })();
    memo.set(text, result);
    return result;
  }

  return { known: (text: string) => check(text) };
}
