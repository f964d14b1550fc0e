// The card's and manifest's statistics, counted from the rows as they stream: the numbers, and orders that do not
// depend on the order rows arrive in or on the machine's locale.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ReleaseStatistics, type CountedRow } from "@/lib/releases/release-statistics";

const SUMMER = "00000000-0000-4000-8000-000000000001";
const AUTUMN = "00000000-0000-4000-8000-000000000002";
const AUTUMN_AGAIN = "00000000-0000-4000-8000-000000000003";
const ZEBRA = "00000000-0000-4000-8000-000000000004";
const names = new Map([
  [SUMMER, "Écrits d'été"],
  [AUTUMN, "Autumn"],
  [AUTUMN_AGAIN, "Autumn"],
  [ZEBRA, "Zebra"],
]);

const row = (language: string, category: string, campaignId: string, guidelineVersion: number | null): CountedRow => ({
  language,
  category,
  campaignId,
  guidelineVersion,
});

const ROWS = [
  row("gl", "summarization", ZEBRA, 2),
  row("es", "creative_writing", SUMMER, 1),
  row("es", "open_qa", AUTUMN, null),
  row("gl", "open_qa", ZEBRA, 2),
  row("es", "open_qa", AUTUMN, 3),
  row("es", "closed_qa", AUTUMN_AGAIN, 3),
  row("ca", "open_qa", ZEBRA, 1),
  row("es", "open_qa", AUTUMN, 1),
];

function counted(rows: CountedRow[]): ReleaseStatistics {
  const statistics = new ReleaseStatistics();
  for (const each of rows) statistics.count(each);
  return statistics;
}

test("items per language and category, languages and categories in the enums' order", () => {
  const statistics = counted(ROWS);
  assert.deepEqual(statistics.languages(), [
    { language: "es", items: 5, categories: { open_qa: 3, closed_qa: 1, creative_writing: 1 } },
    { language: "ca", items: 1, categories: { open_qa: 1 } },
    { language: "gl", items: 2, categories: { open_qa: 1, summarization: 1 } },
  ]);
  assert.deepEqual(
    statistics.languages().map((language) => Object.keys(language.categories)),
    [["open_qa", "closed_qa", "creative_writing"], ["open_qa"], ["open_qa", "summarization"]],
    "key order is what JSON and the card show",
  );
  assert.equal(statistics.itemsIn("es"), 5);
  assert.equal(statistics.itemsIn("eu"), 0);
});

test("guideline uses by campaign name in byte order, then language, then version with none first; same names together", () => {
  const uses = counted(ROWS).guidelineUses(names);
  assert.deepEqual(uses, [
    { campaign: "Autumn", language: "es", version: null, items: 1 },
    { campaign: "Autumn", language: "es", version: 1, items: 1 },
    { campaign: "Autumn", language: "es", version: 3, items: 2 },
    { campaign: "Zebra", language: "ca", version: 1, items: 1 },
    { campaign: "Zebra", language: "gl", version: 2, items: 2 },
    // "É" is above every ASCII letter in UTF-8, as in PostgreSQL's "C" collation (a Spanish locale would put it first).
    { campaign: "Écrits d'été", language: "es", version: 1, items: 1 },
  ]);
});

test("the order rows arrive in changes nothing", () => {
  const forward = counted(ROWS);
  const backward = counted([...ROWS].reverse());
  assert.deepEqual(backward.languages(), forward.languages());
  assert.deepEqual(JSON.stringify(backward.languages()), JSON.stringify(forward.languages()));
  assert.deepEqual(backward.guidelineUses(names), forward.guidelineUses(names));
  assert.deepEqual(forward.campaignIds(), [SUMMER, AUTUMN, AUTUMN_AGAIN, ZEBRA]);
});

test("a campaign without a name is an error, not a row without a campaign", () => {
  assert.throws(() => counted(ROWS).guidelineUses(new Map([[AUTUMN, "Autumn"]])), /No name for campaign/);
});
