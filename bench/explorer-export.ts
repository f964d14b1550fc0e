// Exporting a whole programme as JSONL and CSV through the explorer's export stream (a keyset cursor feeding a
// ReadableStream): rows per second and peak memory, which must stay flat whatever the size. Target: 1,000,000 items
// in bounded memory. Reuses the database bench/explorer-search.ts fills. Prints figures; never asserts on timing.
// Usage: node --import tsx bench/explorer-export.ts [--items 200000] [--port 54339] [--format jsonl|csv]
import os from "node:os";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { disconnectDb } from "@/lib/db";
import { exportItems } from "@/lib/explorer/export-items";
import { openBenchDatabase } from "@/bench/support/bench-database";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

const { values: args } = parseArgs({
  options: { items: { type: "string", default: "200000" }, port: { type: "string", default: "54339" }, format: { type: "string", default: "jsonl" } },
});
const database = await openBenchDatabase("escriba_bench_explorer", { keep: true, port: Number(args.port) });
const held = Number((await database.query("SELECT count(*) AS n FROM items")).rows[0].n);
if (held !== Number(args.items)) {
  await database.close();
  throw new Error(`The database holds ${held} items: fill it with bench/explorer-search.ts --items ${args.items} first.`);
}
// A maintainer's account, so the explorer reaches every item and the export's audit event names a person.
const maintainer = viewerOf(await createTestUser("maintainer", ["es", "ca", "eu", "gl"]));
const format = args.format === "csv" ? "csv" : "jsonl";
const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
let bytes = 0;
let rows = 0;
const started = performance.now();
const { stream } = exportItems(maintainer, { format });
const reader = stream.getReader();
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  bytes += value.byteLength;
  for (const byte of value) if (byte === 0x0a) rows += 1;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `Exported ${held} items as ${format.toUpperCase()} (${rows} lines, ${(bytes / 2 ** 20).toFixed(0)} MB) in ${seconds.toFixed(1)} s: ` +
    `${(held / seconds).toFixed(0)} items/s; RSS ${(rssBefore / 2 ** 20).toFixed(0)} MB before, peak ${(peakRss / 2 ** 20).toFixed(0)} MB; ` +
    `load average ${os.loadavg()[0]!.toFixed(1)}`,
);
await disconnectDb();
await database.close();
