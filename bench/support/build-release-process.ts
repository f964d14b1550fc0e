// Runs one release build in a process of its own, as a worker would, so its time and peak memory are the build's
// alone. Prints one `RESULT {…}` line: outcome, milliseconds (in all, freezing the item set, writing the data
// files), peak RSS and the RSS before the build started.
// Usage (from bench/release-build.ts): node --import tsx bench/support/build-release-process.ts <releaseId> <attempt>
import { buildRelease } from "@/lib/releases/build-release";
import { ReleaseBuildConnection } from "@/lib/releases/release-database";
import { disconnectDb } from "@/lib/db";

const [releaseId, attempt] = process.argv.slice(2);

// Phases are told apart by when the build connection's methods start and end, recorded by wrapping them here:
// the builder stays as it ships. The data files are written between counting the items per language and looking up
// the names of the campaigns they came from.
type Method = "freezeItems" | "itemsPerLanguage" | "campaignNames";
const calls: Partial<Record<Method, { start: number; end: number }>> = {};
for (const name of ["freezeItems", "itemsPerLanguage", "campaignNames"] as const) {
  const original = ReleaseBuildConnection.prototype[name] as (...args: unknown[]) => Promise<unknown>;
  Object.defineProperty(ReleaseBuildConnection.prototype, name, {
    value: async function (this: ReleaseBuildConnection, ...args: unknown[]) {
      const start = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        calls[name] = { start, end: performance.now() };
      }
    },
  });
}

const rssBeforeBytes = process.memoryUsage.rss();
const started = performance.now();
const outcome = await buildRelease({ releaseId, attempt: Number(attempt) });
const ms = performance.now() - started;
// maxRSS is in kibibytes: the high-water mark of the whole process, kept by the kernel, not sampled by us.
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
await disconnectDb();
const freezeMs = calls.freezeItems ? calls.freezeItems.end - calls.freezeItems.start : Number.NaN;
const dataFilesMs =
  calls.campaignNames && calls.itemsPerLanguage ? calls.campaignNames.start - calls.itemsPerLanguage.end : Number.NaN;
console.log(`RESULT ${JSON.stringify({ outcome, ms, freezeMs, dataFilesMs, peakRssBytes, rssBeforeBytes })}`);
