// The item explorer at volume: p50/p95 of a page of results (searchItems, the query the explorer and the API run) for
// a mix of searches and filters, and of the counts beside it, over a synthetic programme. Target: page p95 < 150 ms at
// 1,000,000 items. Prints figures; never asserts on timing.
// Usage: node --import tsx bench/explorer-search.ts [--items 200000] [--runs 200] [--port 54339] [--refill]
// The filled database is kept (a synthetic programme takes minutes to write) and reused while it holds as many items.
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { disconnectDb } from "@/lib/db";
import { seedSyntheticProgramme } from "@/lib/demo/seed-synthetic-programme";
import { countItems } from "@/lib/explorer/count-items";
import type { ExplorerQuery } from "@/lib/explorer/schemas";
import { searchItems } from "@/lib/explorer/search-items";
import { openBenchDatabase, summarise } from "@/bench/support/bench-database";
import type { Viewer } from "@/lib/auth/viewer";
import { shellOperatorViewer } from "@/lib/auth/operator-viewer";

const { values: args } = parseArgs({
  options: {
    items: { type: "string", default: "200000" },
    runs: { type: "string", default: "200" },
    port: { type: "string", default: "54339" },
    refill: { type: "boolean", default: false },
  },
});
const itemCount = Number(args.items);
const runs = Number(args.runs);

const database = await openBenchDatabase("escriba_bench_explorer", { keep: !args.refill, port: Number(args.port) });
const held = Number((await database.query("SELECT count(*) AS n FROM items")).rows[0].n);
if (held !== itemCount) {
  if (held > 0) {
    await database.close();
    throw new Error(`The kept database holds ${held} items, not ${itemCount}: run again with --refill.`);
  }
  const started = performance.now();
  await seedSyntheticProgramme({ items: itemCount, tag: "bench", onStep: (step, rows, seconds) => console.log(`  ${step}: ${rows} rows in ${seconds.toFixed(1)} s`) });
  console.log(`Filled ${itemCount} items in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await database.query("VACUUM ANALYZE items");
}
const { rows: campaigns } = await database.query("SELECT id::text FROM campaigns ORDER BY slug");
const { rows: authors } = await database.query("SELECT author_id::text AS id FROM items GROUP BY author_id ORDER BY count(*) DESC LIMIT 5");
// The operator at the shell: a maintainer, so the explorer reaches every item.
const maintainer = shellOperatorViewer();
const reviewer: Viewer = { ...maintainer, role: "reviewer", languages: ["gl", "es"] };

/** What people ask the explorer: words (common and rare), filters alone and together, the next page. */
const queries: { viewer: Viewer; query: Partial<ExplorerQuery> }[] = [
  { viewer: maintainer, query: {} },
  { viewer: maintainer, query: { q: "montaña" } },
  { viewer: maintainer, query: { q: "cocina vino aceite" } },
  { viewer: maintainer, query: { q: "escuela", language: "gl" } },
  { viewer: maintainer, query: { q: "historia ciudad", status: "approved", language: "es" } },
  { viewer: maintainer, query: { language: "eu", status: "submitted" } },
  { viewer: maintainer, query: { campaign: campaigns[0]?.id, category: "open_qa" } },
  { viewer: maintainer, query: { author: authors[0]?.id, sort: "oldest" } },
  { viewer: maintainer, query: { piiFictional: "yes", language: "gl" } },
  { viewer: maintainer, query: { inRelease: "no", status: "approved", sort: "oldest" } },
  { viewer: maintainer, query: { createdFrom: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), q: "mar" } },
  { viewer: reviewer, query: { q: "pueblo", status: "approved" } },
  { viewer: maintainer, query: { q: "palabraquenoexiste" } },
];

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

// Warm-up: plans and caches, as a running server has them.
for (const { viewer, query } of queries) await searchItems(viewer, query);
const pages: number[] = [];
const byShape = new Map<string, number[]>();
const nextPages: number[] = [];
const counts: number[] = [];
const countsByShape = new Map<string, number[]>();
for (let i = 0; i < runs; i++) {
  const { viewer, query } = queries[i % queries.length]!;
  let first: Awaited<ReturnType<typeof searchItems>> | undefined;
  const took = await time(async () => (first = await searchItems(viewer, query)));
  pages.push(took);
  const shape = `${viewer.role} ${JSON.stringify(query)}`;
  byShape.set(shape, [...(byShape.get(shape) ?? []), took]);
  if (first?.nextCursor) nextPages.push(await time(() => searchItems(viewer, { ...query, cursor: first!.nextCursor! })));
  const { sort: _sort, ...filter } = query;
  if (i < runs / 4) {
    const took = await time(() => countItems(viewer, filter));
    counts.push(took);
    countsByShape.set(shape, [...(countsByShape.get(shape) ?? []), took]);
  }
}
console.log(`Explorer over ${itemCount} items (${queries.length} query shapes, ${runs} runs):`);
console.log(summarise("  first page (50 rows)", pages));
console.log(summarise("  next page by cursor", nextPages));
console.log(summarise("  counts (facets and flags)", counts));
for (const [shape, samples] of byShape) console.log(summarise(`    ${shape}`, samples));
console.log("  counts per query shape:");
for (const [shape, samples] of countsByShape) console.log(summarise(`    ${shape}`, samples));
await disconnectDb();
await database.close();
