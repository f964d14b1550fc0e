// Synthetic volumes of a paid programme for benchmarks and demonstrations: people, campaigns with quotas and rates,
// items over a span of months with their revisions, reviews, round outcomes, earnings and active time, all written
// by set-based SQL (synthetic-programme-sql.ts) on one connection, so a million items take minutes, not hours.
import pg from "pg";
import { hashPassword } from "@/lib/auth/passwords";
import * as sql from "@/lib/demo/synthetic-programme-sql";
import { databaseUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { ITEM_CATEGORIES } from "@/lib/vocabulary";

export const SYNTHETIC_PASSWORD = "escriba-synthetic-2026";

export interface SyntheticProgrammeOptions {
  items: number;
  /** Annotators and reviewers together (a fifth of them reviewers). */
  people?: number;
  months?: number;
  campaigns?: number;
  /** Prefix of the people's e-mail addresses and the campaigns' slugs; one run per tag. */
  tag?: string;
  now?: Date;
  /** Progress lines as the steps finish (the CLI prints them). */
  onStep?: (step: string, rows: number, seconds: number) => void;
}

export interface SyntheticProgrammeSummary {
  tag: string;
  campaignSlugs: string[];
  counts: Record<string, number>;
}

export async function seedSyntheticProgramme(options: SyntheticProgrammeOptions): Promise<SyntheticProgrammeSummary> {
  const people = options.people ?? 500;
  const months = options.months ?? 12;
  const campaigns = options.campaigns ?? 6;
  const tag = options.tag ?? "synthetic";
  if (!Number.isInteger(options.items) || options.items < 1 || options.items > 20_000_000) {
    throw new AppError("validation_failed", "The number of items must be a whole number from 1 to 20,000,000.", {
      fields: [{ field: "items", message: "a whole number from 1 to 20,000,000" }],
    });
  }
  if (!/^[a-z0-9-]{1,40}$/.test(tag)) {
    throw new AppError("validation_failed", "The tag may hold lowercase letters, digits and hyphens.", { fields: [{ field: "tag", message: "[a-z0-9-]{1,40}" }] });
  }
  const now = options.now ?? new Date();
  const days = Math.round(months * 30.44);
  const start = new Date(now.getTime() - days * 86_400_000);
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const existing = await client.query(`SELECT 1 FROM campaigns WHERE slug = $1`, [`${tag}-1`]);
    if (existing.rowCount) {
      throw new AppError("conflict", `Synthetic data tagged "${tag}" is already there; choose another tag.`, { fields: [{ field: "tag", message: "already used" }] });
    }
    const passwordHash = await hashPassword(SYNTHETIC_PASSWORD);
    // Bulk-load settings for this session only; the figures are reproducible for the same options and clock.
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET work_mem = '256MB'`);
    await client.query(`SET TimeZone = 'UTC'`);
    await client.query(`SELECT setseed(0.2026)`);
    const settings: Record<string, string> = {
      items: String(options.items),
      people: String(Math.max(people, 10)),
      reviewers: String(Math.max(2, Math.round(people / 5))),
      campaigns: String(campaigns),
      tag,
      now: now.toISOString(),
      start: start.toISOString(),
      days: String(days),
    };
    for (const [name, value] of Object.entries(settings)) await client.query(`SELECT set_config($1, $2, false)`, [`escriba.syn_${name}`, value]);

    const counts: Record<string, number> = {};
    const step = async (name: string, text: string, values: unknown[] = []) => {
      const began = performance.now();
      const result = await client.query(text, values);
      counts[name] = (counts[name] ?? 0) + (result.rowCount ?? 0);
      options.onStep?.(name, result.rowCount ?? 0, (performance.now() - began) / 1000);
    };

    await client.query("BEGIN");
    const maintainerId = (
      await client.query<{ id: string }>(
        `INSERT INTO users (id, email, name, password_hash, role, languages, created_at, updated_at)
         VALUES (gen_random_uuid(), $1, 'Synthetic maintainer', $2, 'maintainer', ARRAY['ca','es','eu','gl']::"Language"[], $3, $3) RETURNING id`,
        [`${tag}-maintainer@synthetic.escriba.test`, passwordHash, start],
      )
    ).rows[0]!.id;
    await step("people", sql.PEOPLE_SQL);
    await step("users", sql.INSERT_PEOPLE_SQL, [passwordHash]);
    await step("campaign plan", sql.CAMPAIGNS_SQL);
    await step("campaigns", sql.INSERT_CAMPAIGNS_SQL, [maintainerId, [...ITEM_CATEGORIES]]);
    await step("guideline plan", sql.GUIDELINES_SQL);
    await step("guidelines", sql.INSERT_GUIDELINES_SQL, [maintainerId]);
    await step("reviewer pool", sql.REVIEWER_POOL_SQL);
    // Statistics of the small plan tables, so the planner hash-joins a million items against them.
    await client.query("ANALYZE syn_people; ANALYZE syn_campaigns; ANALYZE syn_guidelines; ANALYZE syn_reviewer_pool");
    await step("item plan", sql.PLAN_SQL);
    await client.query("ANALYZE syn_plan");
    await step("items and revisions", sql.INSERT_ITEMS_SQL, [sql.SYNTHETIC_WORDS]);
    await step("round plan", sql.DECIDED_ROUNDS_SQL);
    await client.query("ANALYZE syn_rounds");
    await step("reviews", sql.INSERT_REVIEWS_SQL);
    await step("review outcomes", sql.INSERT_OUTCOMES_SQL);
    await step("earnings", sql.INSERT_EARNINGS_SQL);
    await step("active time", sql.INSERT_ACTIVE_TIME_SQL);
    await step("quotas", sql.INSERT_QUOTAS_SQL, [[...ITEM_CATEGORIES]]);
    await client.query("COMMIT");
    // Fresh statistics and visibility maps, as autovacuum would leave them: index-only scans depend on the latter.
    for (const table of ["users", "campaigns", "items", "item_revisions", "reviews", "review_outcomes", "earnings", "active_time", "campaign_quotas"]) {
      await client.query(`VACUUM (ANALYZE) ${table}`);
    }
    const slugs = await client.query<{ slug: string }>(`SELECT slug FROM campaigns WHERE slug LIKE $1 || '-%' ORDER BY created_at`, [tag]);
    return { tag, campaignSlugs: slugs.rows.map((row) => row.slug), counts };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
