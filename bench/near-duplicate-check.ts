// Latency of the database duplicate check (exact fingerprint + near duplicates by similarity keys) against
// 1,000,000 items. A third of the candidates are an existing item's text with one word changed in the instruction
// and the response (they must be found); a third are new text in the stored texts' small vocabulary, a third new text
// in a wide one (see below). Prints p50/p95; never asserts on timing. It prints the plan of
// the near-duplicate statement on the analysed table and exits 1 when that plan does not go through the band-key
// index: a sequential scan of a million rows is a regression however fast it happens to run today.
// Usage: node --import tsx bench/near-duplicate-check.ts [items=1000000] [checks=600] [--port 54339] [--keep]
// --keep: reuse the filled database when it is there and leave it for the next run (the fill takes minutes).
import { parseArgs } from "node:util";
import { db, disconnectDb } from "@/lib/db";
import { itemFingerprint } from "@/lib/quality/duplicate-fingerprint";
import { findDuplicateProblems, NEAR_DUPLICATE_INDEX, nearDuplicateCandidatesSql } from "@/lib/quality/find-duplicates";
import { itemSimilarityKeys } from "@/lib/quality/similarity-keys";
import {
  fillItems,
  languageOfSyntheticItem,
  openBenchDatabase,
  statusOfSyntheticItem,
  summarise,
  syntheticInstruction,
  syntheticResponse,
  syntheticText,
} from "@/bench/support/bench-database";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";

const args = parseArgs({
  allowPositionals: true,
  options: { port: { type: "string", default: "54339" }, keep: { type: "boolean", default: false } },
});
const [itemCount = 1_000_000, checks = 600] = args.positionals.map(Number);

const database = await openBenchDatabase("escriba_bench_duplicates", { port: Number(args.values.port), keep: args.values.keep });
const { rows: stored } = await database.query(`SELECT count(*)::int AS items FROM items`);
if (stored[0].items === 0) {
  const campaign = await createTestCampaign({ languages: ["es", "ca", "eu", "gl"] });
  const author = await createTestUser("annotator", ["es"], "filler");
  console.log(`Filling ${itemCount} items…`);
  const fillStarted = performance.now();
  await fillItems(database, { count: itemCount, campaignId: campaign.id, authorId: author.id });
  console.log(`…in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);
} else if (stored[0].items !== itemCount) {
  console.error(`FAIL: the kept database holds ${stored[0].items} items, not ${itemCount}; run without --keep to fill it again`);
  await disconnectDb();
  await database.close();
  process.exit(1);
} else {
  console.log(`Reusing the kept database: ${itemCount} items`);
}

const changeOneWord = (text: string) => text.replace(/\s\S+\s/, " cambiado ");
// The plan, with the keys of a stored item's near copy: what the product sends at submit.
const probe = { instruction: changeOneWord(syntheticInstruction(7)), response: changeOneWord(syntheticResponse(7)) };
const plan = await db().$transaction((tx) =>
  tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${nearDuplicateCandidatesSql({
    itemId: "00000000-0000-4000-8000-000000000000",
    similarityKeys: itemSimilarityKeys({ ...probe, language: languageOfSyntheticItem(7) }),
  })}`,
);
const planText = plan.map((row) => row["QUERY PLAN"]).join("\n");
console.log(`Near-duplicate plan:\n${planText}`);
if (!planText.includes(`Bitmap Index Scan on ${NEAR_DUPLICATE_INDEX}`)) {
  console.error(`FAIL: the near-duplicate statement does not use ${NEAR_DUPLICATE_INDEX}`);
  await disconnectDb();
  await database.close();
  process.exit(1);
}

/** Per class of candidate: each check's time, and the candidate rows its near-duplicate statement returned (what the
 * check reads from the heap and scores). */
const classes = {
  withNear: { label: "candidate with near duplicates", times: [] as number[], rows: [] as number[] },
  withoutNear: { label: "candidate without", times: [] as number[], rows: [] as number[] },
  wideVocabulary: { label: "new text in a wide vocabulary", times: [] as number[], rows: [] as number[] },
};
let expected = 0;
let found = 0;
// The stored texts draw on a vocabulary of ~250 words, so unrelated texts share word pairs, and with them band keys,
// far more often than real text does (the commonest key of the filled table is shared by about 1,800 items). The third
// class is new text whose words are pairs of vocabulary words joined (~62,500 words): it shares no band key with the
// stored texts by chance, as new real text rarely does, so it times the index path without the synthetic collisions.
const wideText = (n: number, words: number) =>
  syntheticText(n, words * 2, 5).split(" ").flatMap((word, i, all) => (i % 2 === 0 ? [`${word}${all[i + 1] ?? ""}`] : [])).join(" ");
for (let check = 0; check < checks; check++) {
  const n = Math.floor(Math.random() * itemCount);
  const kind = (["withNear", "withoutNear", "wideVocabulary"] as const)[check % 3]!;
  const text =
    kind === "withNear"
      ? { instruction: changeOneWord(syntheticInstruction(n)), response: changeOneWord(syntheticResponse(n)) }
      : kind === "withoutNear"
        ? { instruction: `¿${syntheticText(itemCount + check, 14, 3)}?`, response: `${syntheticText(itemCount + check, 60, 4)}.` }
        : { instruction: `¿${wideText(itemCount + check, 14)}?`, response: `${wideText(itemCount + check, 60)}.` };
  const language = languageOfSyntheticItem(n);
  const candidate = {
    itemId: "00000000-0000-4000-8000-000000000000",
    language,
    ...text,
    fingerprint: itemFingerprint(text),
    similarityKeys: itemSimilarityKeys({ ...text, language }),
  };
  const started = performance.now();
  const problems = await db().$transaction((tx) => findDuplicateProblems(tx, candidate));
  classes[kind].times.push(performance.now() - started);
  classes[kind].rows.push((await db().$queryRaw<unknown[]>(nearDuplicateCandidatesSql(candidate))).length);
  // Drafts and rejected items are not compared; count only copies of compared items.
  if (kind === "withNear" && ["submitted", "approved", "changes_requested"].includes(statusOfSyntheticItem(n))) {
    expected++;
    if (problems.some((problem) => problem.code === "near_duplicate")) found++;
  }
}
const meanRows = (rows: number[]) => (rows.reduce((sum, value) => sum + value, 0) / rows.length).toFixed(1);
console.log(`${itemCount} items; near copies of compared items found: ${found}/${expected}`);
for (const { label, times, rows } of Object.values(classes)) {
  console.log(`${summarise(`duplicate check, ${label}`, times)}; candidate rows read, mean ${meanRows(rows)}`);
}
console.log(summarise("duplicate check, all", Object.values(classes).flatMap((kind) => kind.times)));
await disconnectDb();
await database.close();
