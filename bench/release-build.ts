// Building a release of 1,000,000 approved items: wall time and peak memory of the build (in a process of its own,
// as a worker runs it), next to the time PostgreSQL itself needs to COPY the same rows out as JSON (the floor no
// builder can beat). Targets: under 3× the floor, peak RSS under 512 MB. Prints figures; never asserts on timing.
// Usage: node --import tsx bench/release-build.ts [--items 1000000] [--refill] [--keep-files] [--cpu-prof]
// The filled database is kept in .data/bench (a million items take minutes to write) and reused while it holds
// the same number of items; --refill writes it again.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { loadavg } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { disconnectDb } from "@/lib/db";
import { ITEM_LANGUAGES } from "@/lib/vocabulary";
import { createRelease } from "@/lib/releases/create-release";
import { AUTHORSHIP_SUMMARY_SQL, AUTHORSHIP_SUMMARY_WORK_MEM, FROZEN_REVISIONS_SQL } from "@/lib/releases/release-database";
import { APPROVED_ITEMS_FORMAT, fillApprovedItems } from "@/bench/support/approved-items";
import { openBenchDatabase, type BenchDatabase } from "@/bench/support/bench-database";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

const { values: args } = parseArgs({
  options: {
    items: { type: "string", default: "1000000" },
    refill: { type: "boolean", default: false },
    "keep-files": { type: "boolean", default: false },
    "cpu-prof": { type: "boolean", default: false },
  },
});
const itemCount = Number(args.items);
const AUTHORS = 200;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

// Set before anything reads the configuration (it is read once). The releases and their files go in a folder of
// their own, gone when the benchmark ends; a fixed key lets two runs' data files be compared byte for byte.
const dataDir = path.resolve(process.env.ESCRIBA_DATA_DIR || ".data");
await mkdir(dataDir, { recursive: true });
const releasesDir = await mkdtemp(path.join(dataDir, "bench-releases-"));
process.env.ESCRIBA_RELEASES_DIR = releasesDir;
process.env.ESCRIBA_PSEUDONYM_SECRET = "bench-pseudonym-secret-bench-pseudonym-secret";

const database = await openBenchDatabase("escriba_bench_release", { keep: true });
await ensureFilled(database);
// The last run's release and its frozen items go (release_items has no foreign key to cascade from: without the
// TRUNCATE, every run left a million rows behind and the next freeze wrote into a table and index that kept growing).
await database.query("TRUNCATE release_items");
await database.query("DELETE FROM releases");
await database.query("CHECKPOINT");

const maintainer = viewerOf(await createTestUser("maintainer", [...ITEM_LANGUAGES]));
const release = await createRelease(maintainer, { version: "1.0.0", license: "cc-by-sa-4.0", notes: "Benchmark." });
// Nobody runs the queue here: the build below stands in for the worker that would pick the job up.
await database.query("SELECT graphile_worker.remove_job($1)", [`release:${release.id}:1`]);
await disconnectDb();

const load = loadavg().map((value) => value.toFixed(2)).join(" ");
console.log(`Building release ${release.version} (${itemCount} items) in a child process; load average ${load}…`);
const build = await buildInChildProcess(release.id);
if (build.outcome !== "built") throw new Error(`the build ended ${build.outcome}`);

console.log("Timing the floor: COPY of the same rows as JSON…");
const floor = await copyFloor(database.url, release.id);
// The card's summary runs beside the data files, so a worse plan (a probe per item: 20 s at a million) would hide
// in their time: its plan is printed, with the memory the build gives it.
const summaryPlan = await planOf(database.url, AUTHORSHIP_SUMMARY_SQL, release.id, AUTHORSHIP_SUMMARY_WORK_MEM);

const { rows: files } = await database.query(
  "SELECT path, size_bytes::bigint AS size, sha256 FROM release_files WHERE release_id = $1 ORDER BY path COLLATE \"C\"",
  [release.id],
);
const totalOf = (suffix: string) => files.filter((file) => file.path.endsWith(suffix)).reduce((sum, file) => sum + Number(file.size), 0);

console.log("");
console.log(`items                     ${itemCount}`);
console.log(`build (buildRelease)      ${seconds(build.ms)}   (${Math.round(itemCount / (build.ms / 1000))} items/s)`);
console.log(`  freezing the item set    ${seconds(build.freezeMs)}`);
console.log(`  data files (JSONL+Parquet) ${seconds(build.dataFilesMs)}`);
console.log(`  the rest                 ${seconds(build.ms - build.freezeMs - build.dataFilesMs)}`);
console.log(`floor (COPY … TO STDOUT)  ${seconds(floor.ms)}   (${megabytes(floor.bytes)} of JSON, ${floor.rows} rows)`);
console.log(`ratio                     ${(build.ms / floor.ms).toFixed(2)}× the floor (target < 3×); data files alone ${(build.dataFilesMs / floor.ms).toFixed(2)}×`);
console.log(`peak RSS                  ${megabytes(build.peakRssBytes)} (target < 512 MB; ${megabytes(build.rssBeforeBytes)} before the build started)`);
console.log(`JSONL                     ${megabytes(totalOf(".jsonl"))}`);
console.log(`Parquet                   ${megabytes(totalOf(".parquet"))}`);
console.log("");
console.log("plan of the dataset card's authorship summary:");
for (const line of summaryPlan) console.log(`  ${line}`);
console.log("");
for (const file of files) console.log(`  ${file.sha256}  ${String(file.size).padStart(11)}  ${file.path}`);
console.log("(data files hash the same on every run over the same database; the card, changelog and manifest carry the release's date)");

if (args["keep-files"]) console.log(`Files kept in ${path.join(releasesDir, release.id)}`);
else await rm(releasesDir, { recursive: true, force: true });
await database.close();

async function ensureFilled(database: BenchDatabase): Promise<void> {
  await database.query("DROP TABLE IF EXISTS bench_fill"); // the first version's marker, without a format
  await database.query("CREATE TABLE IF NOT EXISTS bench_approved_items (items int NOT NULL, format int NOT NULL)");
  const { rows } = await database.query("SELECT items, format FROM bench_approved_items");
  if (!args.refill && rows[0]?.items === itemCount && rows[0]?.format === APPROVED_ITEMS_FORMAT) {
    console.log(`Reusing the ${itemCount} approved items already in the bench database.`);
    return;
  }
  await database.query("TRUNCATE bench_approved_items, release_items, releases, item_revisions, items, reviews CASCADE");
  const campaign = await createTestCampaign({ languages: [...ITEM_LANGUAGES] });
  const reviewer = await createTestUser("reviewer", [...ITEM_LANGUAGES]);
  const { rows: authors } = await database.query(
    `INSERT INTO users (id, email, name, password_hash, role, languages, updated_at)
     SELECT gen_random_uuid(), 'bench-author-' || n || '@test.escriba', 'Author ' || n, 'not-a-password-hash', 'annotator',
            '{es,ca,eu,gl}', now()
     FROM generate_series(1, $1::int) AS n
     ON CONFLICT (email) DO UPDATE SET updated_at = now() RETURNING id`,
    [AUTHORS],
  );
  const { rows: guidelines } = await database.query("SELECT language::text, id FROM guidelines WHERE campaign_id = $1", [campaign.id]);
  console.log(`Filling ${itemCount} approved items…`);
  const started = performance.now();
  await fillApprovedItems(database, {
    count: itemCount,
    campaignId: campaign.id,
    guidelineIds: Object.fromEntries(guidelines.map((row) => [row.language, row.id])),
    authorIds: authors.map((row) => row.id as string),
    reviewerId: reviewer.id,
  });
  await database.query("INSERT INTO bench_approved_items (items, format) VALUES ($1, $2)", [itemCount, APPROVED_ITEMS_FORMAT]);
  console.log(`…in ${seconds(performance.now() - started)}`);
}

/** Runs buildRelease in a fresh Node process and reads back its time and peak RSS. */
async function buildInChildProcess(releaseId: string) {
  const profiling = args["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", path.join(dataDir, "bench-profiles")] : [];
  const child = spawn(process.execPath, [...profiling, "--import", "tsx", "bench/support/build-release-process.ts", releaseId, "1"], {
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const line = output.split("\n").find((candidate) => candidate.startsWith("RESULT "));
  if (code !== 0 || !line) throw new Error(`the build process exited with ${code}:\n${output}`);
  if (profiling.length > 0) console.log(`CPU profile written to ${profiling[2]}`);
  return JSON.parse(line.slice("RESULT ".length)) as {
    outcome: string;
    ms: number;
    freezeMs: number;
    dataFilesMs: number;
    peakRssBytes: number;
    rssBeforeBytes: number;
  };
}

/** EXPLAIN of `sql` for the release, with `workMem` as the build sets it (one connection: SET LOCAL holds in its transaction). */
async function planOf(url: string, sql: string, releaseId: string, workMem: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN READ ONLY");
    await client.query(`SET LOCAL work_mem = '${workMem}'`);
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (COSTS OFF) ${sql}`, [releaseId]);
    return rows.map((row) => row["QUERY PLAN"]);
  } finally {
    await client.end();
  }
}

/** PostgreSQL's own cost of producing the rows the builder reads, as JSON, per language in the builder's order. */
async function copyFloor(url: string, releaseId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let bytes = 0;
  let rows = 0;
  const started = performance.now();
  for (const language of ITEM_LANGUAGES) {
    // COPY takes no parameters; both values are ours (a uuid and a fixed language code).
    const query = FROZEN_REVISIONS_SQL.replace("$1", `'${releaseId}'`).replace("$2", `'${language}'`);
    const copy = client.query(copyTo(`COPY (SELECT row_to_json(t) FROM (${query}) t) TO STDOUT`));
    await pipeline(
      copy,
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.byteLength;
          done();
        },
      }),
    );
    rows += copy.rowCount;
  }
  const ms = performance.now() - started;
  await client.end();
  return { ms, bytes, rows };
}
