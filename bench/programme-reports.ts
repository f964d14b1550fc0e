// Campaign progress and the productivity report over a realistic programme: 1,000,000 items, 500 people and 12 months of activity (filled once by
// `seedSyntheticProgramme` into the kept database escriba_bench_programme, reused by later runs). Each measure runs
// ~50 times across campaigns and viewers and prints p50/p95; the plans of its queries are printed when they are not
// index-based. Never asserts on timing.
// Usage: node --import tsx bench/programme-reports.ts [--items 1000000] [--runs 50] [--port 54339]
import { parseArgs } from "node:util";
import type { Viewer } from "@/lib/auth/viewer";
import { seedSyntheticProgramme } from "@/lib/demo/seed-synthetic-programme";
import { disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import type { DateRange } from "@/lib/productivity/period";
import { productivityStatements, type ReportScope } from "@/lib/productivity/productivity-queries";
import { productivityReport } from "@/lib/productivity/productivity-report";
import { CAMPAIGN_PROGRESS_QUERIES, getCampaignProgress } from "@/lib/progress/get-campaign-progress";
import type { ItemLanguage, Role } from "@/lib/vocabulary";
import { openBenchDatabase, summarise, type BenchDatabase } from "@/bench/support/bench-database";

const { values: args } = parseArgs({
  options: { items: { type: "string", default: "1000000" }, runs: { type: "string", default: "50" }, port: { type: "string", default: "54339" } },
});
const items = Number(args.items);
const runs = Number(args.runs);
const TAG = "bench";

/** What every measure gets: the database, the campaigns and a spread of viewers from the synthetic people. */
interface Programme {
  database: BenchDatabase;
  campaignIds: string[];
  campaignSlugs: string[];
  viewers: Viewer[];
}

interface Measure {
  name: string;
  /** One timed call; `run` is the run's number, to spread calls over campaigns and viewers. */
  call(programme: Programme, run: number): Promise<unknown>;
  /** The SQL the measure runs, with parameters for one call, to check that its plan uses indexes. */
  queries?(programme: Programme, run: number): { label: string; sql: string; values: unknown[] }[];
}

/** The programme's last whole month and its last twelve months, as dates the reports take. */
const month = { from: "", to: "" };
const year = { from: "", to: "" };

/** Calls spread over the ways the report is asked for: everyone (maintainer), one campaign, one person's own. */
function productivityCall(programme: Programme, run: number, range: { from: string; to: string }) {
  const maintainer = programme.viewers[0]!;
  const person = programme.viewers[1 + (run % (programme.viewers.length - 1))]!;
  switch (run % 3) {
    case 0:
      return productivityReport(maintainer, range);
    case 1:
      return productivityReport(maintainer, { ...range, campaign: programme.campaignSlugs[run % programme.campaignSlugs.length]! });
    default:
      return productivityReport(person, range);
  }
}

const MEASURES: Measure[] = [
  {
    name: "campaign progress (getCampaignProgress)",
    call: (programme, run) =>
      getCampaignProgress(programme.viewers[run % programme.viewers.length]!, { id: programme.campaignIds[run % programme.campaignIds.length]! }),
    queries: (programme, run) => {
      const values = [programme.campaignIds[run % programme.campaignIds.length], ["ca", "es", "eu", "gl"], env().ESCRIBA_PROGRAMME_TIME_ZONE];
      return [
        { label: "grid counts", sql: CAMPAIGN_PROGRESS_QUERIES.statusCounts, values: values.slice(0, 2) },
        { label: "daily approvals", sql: CAMPAIGN_PROGRESS_QUERIES.dailyApprovals, values },
      ];
    },
  },
  {
    name: "productivity report, one month (productivityReport)",
    call: (programme, run) => productivityCall(programme, run, month),
    queries: (programme) => explainedStatements(programme, month),
  },
  {
    name: "  floor: the same calls' SQL statements, bare on one connection",
    call: (programme, run) => bareStatements(programme, run, month),
  },
  {
    name: "productivity report, twelve months (productivityReport)",
    call: (programme, run) => productivityCall(programme, run, year),
    queries: (programme) => explainedStatements(programme, year),
  },
  {
    name: "  floor: the same calls' SQL statements, bare on one connection",
    call: (programme, run) => bareStatements(programme, run, year),
  },
];

/** The report's statements for the call `productivityCall` makes on this run (everyone, one campaign, one person). */
function scopeOf(programme: Programme, run: number, range: DateRange): ReportScope {
  const scope: ReportScope = { ...range, userId: null, campaignId: null };
  if (run % 3 === 1) scope.campaignId = programme.campaignIds[run % programme.campaignIds.length]!;
  if (run % 3 === 2) scope.userId = programme.viewers[1 + (run % (programme.viewers.length - 1))]!.id;
  return scope;
}

async function bareStatements(programme: Programme, run: number, range: DateRange) {
  for (const statement of productivityStatements(scopeOf(programme, run, range))) {
    await programme.database.query(statement.text, statement.values);
  }
}

/** Everyone's month (the largest of the three calls) and one person's. */
function explainedStatements(programme: Programme, range: DateRange) {
  return [0, 2].flatMap((run) =>
    productivityStatements(scopeOf(programme, run, range)).map((statement, index) => ({
      label: `${run === 0 ? "everyone" : "one person"}, statement ${index + 1}`,
      sql: statement.text,
      values: statement.values,
    })),
  );
}

function scansOf(plan: Record<string, unknown>, found: string[] = []): string[] {
  const node = plan["Node Type"] as string;
  if (node?.endsWith("Scan")) found.push(`${node}${plan["Index Name"] ? ` using ${plan["Index Name"]}` : ""} on ${plan["Relation Name"] ?? "?"}`);
  for (const child of (plan.Plans as Record<string, unknown>[] | undefined) ?? []) scansOf(child, found);
  return found;
}

async function checkPlans(programme: Programme, measure: Measure) {
  for (const query of measure.queries?.(programme, 0) ?? []) {
    const explained = await programme.database.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.sql}`, query.values);
    const explainedPlan = (explained.rows[0]["QUERY PLAN"] as { Plan: Record<string, unknown>; "Execution Time": number }[])[0]!;
    const plan = explainedPlan.Plan;
    const scans = scansOf(plan);
    const sequential = scans.filter((scan) => scan.startsWith("Seq Scan"));
    console.log(`  ${query.label}: ${scans.join("; ")} (${explainedPlan["Execution Time"].toFixed(1)} ms in PostgreSQL)`);
    if (sequential.length > 0) {
      const text = await programme.database.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.values);
      console.log(`  not index-based:\n${text.rows.map((row) => `    ${row["QUERY PLAN"]}`).join("\n")}`);
    }
  }
}

const database = await openBenchDatabase("escriba_bench_programme", { keep: true, port: Number(args.port) });
const seeded = await database.query(`SELECT count(*)::int AS items FROM items`);
if (seeded.rows[0].items === 0) {
  console.log(`Filling ${items.toLocaleString("en")} items, 500 people, 12 months…`);
  const began = performance.now();
  await seedSyntheticProgramme({
    items,
    tag: TAG,
    onStep: (step, rows, seconds) => console.log(`  ${step}: ${rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s`),
  });
  console.log(`…in ${((performance.now() - began) / 1000).toFixed(0)} s`);
} else {
  console.log(`Reusing escriba_bench_programme (${seeded.rows[0].items.toLocaleString("en")} items; drop it to refill).`);
}

// Steady state, as autovacuum leaves it: statistics and visibility maps of the tables the reports read.
await database.query(
  "VACUUM (ANALYZE) campaign_cell_counts, campaign_approval_hours, productivity_author_days, productivity_reviewer_days, productivity_earning_days, earnings, items",
);

const campaigns = await database.query(`SELECT id, slug FROM campaigns WHERE slug LIKE $1 ORDER BY slug`, [`${TAG}-%`]);
const people = await database.query(
  `(SELECT id, email, name, role, languages::text[] AS languages FROM users WHERE role = 'maintainer' AND email LIKE $1 LIMIT 1)
   UNION ALL
   (SELECT id, email, name, role, languages::text[] FROM users WHERE role <> 'maintainer' AND email LIKE $1 ORDER BY email LIMIT 9)`,
  [`${TAG}-%`],
);
const programme: Programme = {
  database,
  campaignIds: campaigns.rows.map((row) => row.id as string),
  campaignSlugs: campaigns.rows.map((row) => row.slug as string),
  viewers: people.rows.map((person) => ({
    id: person.id as string,
    email: person.email as string,
    name: person.name as string,
    role: person.role as Role,
    languages: person.languages as ItemLanguage[],
    uiLocale: null,
    authenticatedBy: "cli" as const,
  })),
};
const counts = await database.query(
  `SELECT (SELECT count(*) FROM items)::int AS items, (SELECT count(*) FROM users)::int AS people,
          (SELECT count(*) FROM review_outcomes)::int AS outcomes, (SELECT count(*) FROM earnings)::int AS earnings,
          (SELECT count(*) FROM active_time)::int AS active_hours`,
);
console.log(`Programme: ${JSON.stringify(counts.rows[0])}; ${programme.campaignIds.length} campaigns, ${programme.viewers.length} viewers (1 maintainer).`);

// The reports' periods: the last whole month of activity and the twelve months that end with it.
const span = await database.query(
  `SELECT to_char(date_trunc('month', max(decided_at) AT TIME ZONE $1) - interval '1 month', 'YYYY-MM-DD') AS month_start,
          to_char(date_trunc('month', max(decided_at) AT TIME ZONE $1) - interval '1 day', 'YYYY-MM-DD') AS month_end,
          to_char(date_trunc('month', max(decided_at) AT TIME ZONE $1) - interval '12 months', 'YYYY-MM-DD') AS year_start
     FROM review_outcomes`,
  [env().ESCRIBA_PROGRAMME_TIME_ZONE],
);
Object.assign(month, { from: span.rows[0].month_start, to: span.rows[0].month_end });
Object.assign(year, { from: span.rows[0].year_start, to: span.rows[0].month_end });
console.log(`Report periods: month ${month.from}..${month.to}, twelve months ${year.from}..${year.to}.`);

for (const measure of MEASURES) {
  console.log(measure.name);
  await checkPlans(programme, measure);
  for (let warm = 0; warm < 3; warm++) await measure.call(programme, warm);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const began = performance.now();
    await measure.call(programme, run);
    samples.push(performance.now() - began);
  }
  console.log(`  ${summarise(measure.name, samples)}`);
}
await disconnectDb();
await database.close();
