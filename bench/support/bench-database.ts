// A throwaway PostgreSQL database for benchmarks: the embedded server in .data/bench (or DATABASE_URL's
// server), with all migrations applied. Benchmarks print figures; they never assert on timing.
import pg from "pg";
import { applyPendingMigrations } from "@/lib/database/migrations";
import { useDatabaseUrl } from "@/lib/env";
import { createDatabase, dropDatabase, openScratchServer } from "@/tests/support/test-databases";

export interface BenchDatabase {
  url: string;
  query(sql: string, values?: unknown[]): Promise<pg.QueryResult>;
  close(): Promise<void>;
}

export async function openBenchDatabase(name: string, options: { keep?: boolean } = {}): Promise<BenchDatabase> {
  const { adminUrl, server } = await openScratchServer({ folder: "bench", port: 54339 });
  const url = await createDatabase(adminUrl, name, { replace: !options.keep });
  await applyPendingMigrations(url);
  useDatabaseUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    url,
    query: (sql, values) => pool.query(sql, values as unknown[]),
    async close() {
      await pool.end();
      if (!options.keep) await dropDatabase(adminUrl, name).catch(() => {});
      await server?.stop();
    },
  };
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

export function summarise(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${label}: n=${sorted.length} p50=${percentile(sorted, 50).toFixed(1)} ms p95=${percentile(sorted, 95).toFixed(1)} ms max=${sorted.at(-1)?.toFixed(1)} ms`;
}

/**
 * Fills `items` with `count` items of one campaign and author, in batches, by SQL: realistic lengths, distinct
 * texts (so near-duplicate search has real work), statuses spread like a live programme.
 */
export async function fillItems(database: BenchDatabase, options: { count: number; campaignId: string; authorId: string }) {
  const batch = 50_000;
  for (let start = 0; start < options.count; start += batch) {
    const end = Math.min(options.count, start + batch);
    await database.query(
      `INSERT INTO items (id, campaign_id, author_id, language, category, status, instruction, response, fingerprint,
                          review_round, submitted_at, created_at, updated_at, version)
       SELECT gen_random_uuid(), $1::uuid, $2::uuid,
              (ARRAY['es','ca','eu','gl']::"Language"[])[1 + n % 4],
              (ARRAY['open_qa','brainstorming','general_qa','creative_writing']::"Category"[])[1 + n % 4],
              (ARRAY['draft','submitted','approved','approved','approved','changes_requested','rejected']::"ItemStatus"[])[1 + n % 7],
              'Pregunta ' || n || ': ' || md5(n::text) || ' ' || md5((n * 7)::text) || ' sobre el tema ' || (n % 997),
              repeat('Respuesta ' || md5((n * 3)::text) || ' con detalles. ', 6),
              md5('fp' || n), 1, now() - (n || ' seconds')::interval, now(), now(), 1
       FROM generate_series($3::int, $4::int - 1) AS n`,
      [options.campaignId, options.authorId, start, end],
    );
  }
  await database.query("ANALYZE items");
}
