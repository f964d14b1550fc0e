// The five UI catalogs say the same things: the same keys, every message valid ICU (a broken one would fail only
// when a user of that language reaches it), and the same arguments as English, so no value goes missing.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { UI_LOCALES } from "@/lib/vocabulary";

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const messages = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === "string") messages.set(`${prefix}${key}`, value);
    else for (const [nested, text] of flatten(value, `${prefix}${key}.`)) messages.set(nested, text);
  }
  return messages;
}

function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      found.add(`<${element.value}>`);
      argumentsOf(element.children, found);
      continue;
    }
    found.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
  }
  return found;
}

const catalogs = new Map(
  UI_LOCALES.map((locale) => [locale, flatten(JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as Catalog)]),
);
const english = catalogs.get("en")!;

test("every catalog has exactly English's keys", () => {
  for (const [locale, messages] of catalogs) {
    assert.deepEqual(
      [...messages.keys()].filter((key) => !english.has(key)),
      [],
      `${locale} has keys English lacks`,
    );
    assert.deepEqual(
      [...english.keys()].filter((key) => !messages.has(key)),
      [],
      `${locale} lacks keys`,
    );
  }
});

test("every message parses as ICU and uses the same arguments as English", () => {
  for (const [key, source] of english) {
    const expected = [...argumentsOf(parse(source))].sort();
    for (const [locale, messages] of catalogs) {
      const text = messages.get(key);
      if (text === undefined) continue; // reported by the test above
      let elements: MessageFormatElement[];
      try {
        elements = parse(text);
      } catch (error) {
        assert.fail(`${locale} ${key} is not valid ICU: ${(error as Error).message}`);
      }
      assert.deepEqual([...argumentsOf(elements)].sort(), expected, `${locale} ${key}: ${text}`);
    }
  }
});

test("no message is left empty", () => {
  for (const [locale, messages] of catalogs) {
    for (const [key, text] of messages) assert.notEqual(text.trim(), "", `${locale} ${key} is empty`);
  }
});
