// Runs one release build in a process of its own, as a worker would, so its time and peak memory are the build's
// alone. Prints one `RESULT {…}` line: outcome, milliseconds, peak RSS and the RSS before the build started.
// Usage (from bench/release-build.ts): node --import tsx bench/support/build-release-process.ts <releaseId> <attempt>
import { buildRelease } from "@/lib/releases/build-release";
import { disconnectDb } from "@/lib/db";

const [releaseId, attempt] = process.argv.slice(2);
const rssBeforeBytes = process.memoryUsage.rss();
const started = performance.now();
const outcome = await buildRelease({ releaseId, attempt: Number(attempt) });
const ms = performance.now() - started;
// maxRSS is in kibibytes: the high-water mark of the whole process, sampled by the kernel, not by us.
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
await disconnectDb();
console.log(`RESULT ${JSON.stringify({ outcome, ms, peakRssBytes, rssBeforeBytes })}`);
