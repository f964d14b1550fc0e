// Runs one release build in a process of its own, as a worker would, so its time and peak memory are the build's
// alone. Prints one `RESULT {…}` line: outcome, milliseconds (in all, freezing the item set, streaming the data
// files), peak RSS and the RSS before the build started.
// Usage (from bench/release-build.ts): node --import tsx bench/support/build-release-process.ts <releaseId> <attempt>
import { buildRelease } from "@/lib/releases/build-release";
import { ReleaseBuildConnection } from "@/lib/releases/release-database";
import { disconnectDb } from "@/lib/db";

const [releaseId, attempt] = process.argv.slice(2);

// The phases are timed by wrapping two of the build connection's methods, here only: the builder stays as it ships.
const phases = { freezeMs: 0, dataFilesMs: 0 };
function timePhase<Name extends "freezeItems" | "streamFrozenRevisions">(name: Name, phase: keyof typeof phases) {
  const original = ReleaseBuildConnection.prototype[name] as (...args: unknown[]) => Promise<void>;
  (ReleaseBuildConnection.prototype[name] as unknown) = async function (this: ReleaseBuildConnection, ...args: unknown[]) {
    const started = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      phases[phase] += performance.now() - started;
    }
  };
}
timePhase("freezeItems", "freezeMs");
timePhase("streamFrozenRevisions", "dataFilesMs");

const rssBeforeBytes = process.memoryUsage.rss();
const started = performance.now();
const outcome = await buildRelease({ releaseId, attempt: Number(attempt) });
const ms = performance.now() - started;
// maxRSS is in kibibytes: the high-water mark of the whole process, kept by the kernel, not sampled by us.
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
await disconnectDb();
console.log(`RESULT ${JSON.stringify({ outcome, ms, ...phases, peakRssBytes, rssBeforeBytes })}`);
