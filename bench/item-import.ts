// Importing JSONL at volume with every check on (schema, qualification, language, personal data, shape, exact and
// near duplicates): lines per second of `importItems`, the use case behind `escriba import` and the upload. The lines
// are varied synthetic text, words of each language's sample texts drawn at random, so that like a real file few are
// near duplicates of each other. Target: 2,000 lines/s at 100,000 lines. Prints figures; never asserts on timing.
// Every 10,000 lines it prints the process's memory; with node's --expose-gc it collects garbage first, so that the
// heap figure is what the import holds rather than what V8 has not yet collected.
// Usage: node [--expose-gc] --import tsx bench/item-import.ts [--lines 100000] [--port 54339] [--dry-run]
import os from "node:os";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { disconnectDb } from "@/lib/db";
import { importItems } from "@/lib/imports/import-items";
import { openBenchDatabase } from "@/bench/support/bench-database";
import { RELEASE_TEXTS } from "@/tests/support/release-texts";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { ITEM_LANGUAGES, type ItemLanguage } from "@/lib/vocabulary";
import { seededRandom } from "@/lib/seeded-random";

const { values: args } = parseArgs({
  options: { lines: { type: "string", default: "100000" }, port: { type: "string", default: "54339" }, "dry-run": { type: "boolean", default: false } },
});
const lineCount = Number(args.lines);

const database = await openBenchDatabase("escriba_bench_import", { port: Number(args.port) });
const campaign = await createTestCampaign();
const author = await createTestUser("annotator", [...ITEM_LANGUAGES], "author");
const maintainer = await createTestUser("maintainer", [...ITEM_LANGUAGES]);

/** Each language's words, from real sentences: drawn at random they still read as that language to the checks. */
const WORDS = Object.fromEntries(
  ITEM_LANGUAGES.map((language) => [
    language,
    [...new Set(RELEASE_TEXTS[language].flatMap((text) => `${text.instruction} ${text.response}`.toLowerCase().match(/\p{L}+(?:'\p{L}+)?/gu) ?? []))],
  ]),
) as Record<ItemLanguage, string[]>;
const random = seededRandom(14);

function sentence(language: ItemLanguage, words: number): string {
  const pool = WORDS[language];
  const picked = Array.from({ length: words }, () => pool[Math.floor(random() * pool.length)]!);
  return picked.join(" ").replace(/^./, (first) => first.toUpperCase());
}

/** CPU this process spent making the file (not the importer's): measured around each chunk's making, then subtracted. */
let fileCpuMicros = 0;

function makeChunk(start: number): { bytes: Uint8Array; end: number } {
  const cpuBefore = process.cpuUsage();
  let batch = "";
  let n = start;
  for (; n < lineCount && batch.length <= 256 * 1024; n++) {
    const language = ITEM_LANGUAGES[n % ITEM_LANGUAGES.length]!;
    batch += `${JSON.stringify({
      externalId: `bench-${n}`,
      language,
      category: "open_qa",
      status: n % 3 === 0 ? "draft" : "submitted",
      authorEmail: author.email,
      instruction: `${sentence(language, 8 + Math.floor(random() * 8))}?`,
      response: `${sentence(language, 25 + Math.floor(random() * 40))}.`,
    })}\n`;
  }
  const bytes = new TextEncoder().encode(batch);
  const cpu = process.cpuUsage(cpuBefore);
  fileCpuMicros += cpu.user + cpu.system;
  return { bytes, end: n };
}

async function* importFile(): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < lineCount; ) {
    const chunk = makeChunk(start);
    start = chunk.end;
    yield chunk.bytes;
  }
}

const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
const serverCpuBefore = await database.serverCpuSeconds();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const summary = await importItems(viewerOf(maintainer), {
  campaign: campaign.slug,
  input: importFile(),
  dryRun: args["dry-run"],
  onProgress: (running) => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (running.lines % 10_000 === 0) {
      (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
      console.log(`  ${running.lines} lines, ${((performance.now() - started) / 1000).toFixed(0)} s, RSS ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)} of ${mb(memory.heapTotal)}, external ${mb(memory.external + memory.arrayBuffers)}`);
    }
  },
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const appCpuSeconds = (cpu.user + cpu.system - fileCpuMicros) / 1e6;
const serverCpuAfter = await database.serverCpuSeconds();
const serverCpuSeconds = serverCpuBefore === null || serverCpuAfter === null ? null : serverCpuAfter - serverCpuBefore;
console.log(
  `Imported ${summary.lines} lines in ${seconds.toFixed(1)} s: ${(summary.lines / seconds).toFixed(0)} lines/s ` +
    `(created ${summary.created}, skipped ${summary.skipped}, refused ${summary.refused}; load average ${os.loadavg()[0]!.toFixed(1)}; ` +
    `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, ${(rssBefore / 2 ** 20).toFixed(0)} MB before the import)`,
);
// On a shared machine the wall clock mostly measures the neighbours. The importer (this process) and PostgreSQL work
// side by side, batch after batch, so on two cores of its own the import goes at the pace of the busier of the two.
const perLine = (cpuSeconds: number) => `${((cpuSeconds / summary.lines) * 1000).toFixed(2)} ms`;
console.log(
  `  CPU per line: importer ${perLine(appCpuSeconds)} (making the file took ${perLine(fileCpuMicros / 1e6)} more)` +
    (serverCpuSeconds === null ? "" : `, PostgreSQL ${perLine(serverCpuSeconds)}`) +
    ` → ${(summary.lines / Math.max(appCpuSeconds, serverCpuSeconds ?? 0)).toFixed(0)} lines/s with a core for each`,
);
if (summary.problems.length > 0) console.log("  first refusals:", summary.problems.slice(0, 3));
await disconnectDb();
await database.close();
