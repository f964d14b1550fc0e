// Latency of the database duplicate check (exact fingerprint + pg_trgm near duplicates) against 1,000,000 items.
// Prints p50/p95 for candidates that have near duplicates and for ones that do not; never asserts on timing.
// Usage: node --import tsx bench/near-duplicate-check.ts [items=1000000] [checks=300]
import { db, disconnectDb } from "@/lib/db";
import { findDuplicateProblems } from "@/lib/quality/find-duplicates";
import { fillItems, openBenchDatabase, summarise } from "@/bench/support/bench-database";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";

const [itemCount = 1_000_000, checks = 300] = process.argv.slice(2).map(Number);

const database = await openBenchDatabase("escriba_bench_duplicates");
const campaign = await createTestCampaign({ languages: ["es", "ca", "eu", "gl"] });
const author = await createTestUser("annotator", ["es"], "filler");
console.log(`Filling ${itemCount} items…`);
const fillStarted = performance.now();
await fillItems(database, { count: itemCount, campaignId: campaign.id, authorId: author.id });
console.log(`…in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);

const withNear: number[] = [];
const withoutNear: number[] = [];
let found = 0;
for (let check = 0; check < checks; check++) {
  const n = Math.floor(Math.random() * itemCount);
  const nearCopy = check % 2 === 0;
  const { rows } = await database.query(`SELECT md5($1::text) AS a, md5(($1::int * 7)::text) AS b, md5(($1::int * 3)::text) AS c`, [n]);
  const { a, b, c } = rows[0] as { a: string; b: string; c: string };
  // Half the candidates reuse an existing item's instruction with one word changed; half are new text.
  const instruction = nearCopy
    ? `Pregunta ${n}: ${a} ${b} sobre el asunto ${n % 997}`
    : `Pregunta nueva ${check}: ${Math.random().toString(36).slice(2)} ${Date.now().toString(36)} sin parecido`;
  const response = nearCopy ? `Respuesta ${c} con detalles. `.repeat(6) : `Respuesta original ${check} ${Math.random()}`.repeat(3);
  const language = (["es", "ca", "eu", "gl"] as const)[n % 4]!;
  const started = performance.now();
  const problems = await db().$transaction((tx) =>
    findDuplicateProblems(tx, {
      itemId: "00000000-0000-4000-8000-000000000000",
      language,
      instruction,
      response,
      fingerprint: `candidate-${check}`,
    }),
  );
  (nearCopy ? withNear : withoutNear).push(performance.now() - started);
  if (nearCopy && problems.some((problem) => problem.code === "near_duplicate")) found++;
}
console.log(`${itemCount} items; near duplicates found for ${found}/${withNear.length} near copies (those whose source item is not a draft)`);
console.log(summarise("duplicate check, candidate with near duplicates", withNear));
console.log(summarise("duplicate check, candidate without", withoutNear));
console.log(summarise("duplicate check, all", [...withNear, ...withoutNear]));
await disconnectDb();
await database.close();
