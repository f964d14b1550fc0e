// A throwaway PostgreSQL database for benchmarks: the embedded server in .data/bench (or DATABASE_URL's
// server), with all migrations applied. Benchmarks print figures; they never assert on timing.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { env, useDatabaseUrl } from "@/lib/env";
import { itemFingerprint } from "@/lib/quality/duplicate-fingerprint";
import { itemSimilarityKeys } from "@/lib/quality/similarity-keys";
import { createDatabase, databaseUrlFor, dropDatabase, openScratchServer } from "@/tests/support/test-databases";

export interface BenchDatabase {
  url: string;
  /**
   * CPU seconds used so far by the embedded PostgreSQL's server processes that are alive now (Linux /proc; null for
   * DATABASE_URL's server or elsewhere). On a busy machine, CPU per unit of work says more than the wall clock.
   */
  serverCpuSeconds(): Promise<number | null>;
  query(sql: string, values?: unknown[]): Promise<pg.QueryResult>;
  close(): Promise<void>;
}

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

/**
 * `keep`: reuse the database when it is already there, and leave it for the next run (for fills that take minutes).
 * `port`: of the embedded server, when 54339 is taken (say, by another checkout's benchmark).
 */
export async function openBenchDatabase(name: string, options: { keep?: boolean; port?: number } = {}): Promise<BenchDatabase> {
  const port = options.port ?? 54339;
  // The default port keeps the folder .data/bench; another port gets a cluster of its own.
  const folder = port === 54339 ? "bench" : `bench-${port}`;
  const { adminUrl, server } = await openScratchServer({ folder, port });
  const url =
    options.keep && (await databaseExists(adminUrl, name))
      ? databaseUrlFor(adminUrl, name)
      : await createDatabase(adminUrl, name, { replace: true });
  await migrateDatabase(url);
  useDatabaseUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // Stopping the server ends any connection still open with an error: a line, not a crash after the figures.
  pool.on("error", (error) => console.error(`bench database connection: ${error.message}`));
  const serverFolder = server ? path.join(env().dataDir, folder) : null;
  return {
    url,
    serverCpuSeconds: () => (serverFolder ? clusterCpuSeconds(serverFolder) : Promise.resolve(null)),
    query: (sql, values) => pool.query(sql, values as unknown[]),
    async close() {
      await pool.end();
      if (!options.keep) await dropDatabase(adminUrl, name).catch(() => {});
      await server?.stop();
    },
  };
}

/** The postmaster (first line of the embedded cluster's postmaster.pid) and its children, summed from /proc. */
async function clusterCpuSeconds(folder: string): Promise<number | null> {
  try {
    // Where startEmbeddedServer keeps the cluster: <data folder>/postgres.
    const postmaster = Number((await readFile(path.join(folder, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
    const ticksPerSecond = 100;
    let ticks = 0;
    for (const pid of await readdir("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
      // Fields after the command name (which may hold spaces): state, ppid, … utime (14th field), stime (15th).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pid) === postmaster || Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / ticksPerSecond;
  } catch {
    return null;
  }
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

const VOCABULARY = (
  "de la que el en y a los se del las un por con no una su para es al lo como más o pero sus le ha me si sin " +
  "sobre este ya entre cuando todo esta ser son dos también fue había era muy años hasta desde está mi porque " +
  "qué sólo han yo hay vez puede todos así nos ni parte tiene él uno donde bien tiempo mismo ese ahora cada " +
  "e vida otro después te otros aunque esa eso hace otra gobierno tan durante siempre día tanto ella tres sí " +
  "dijo sido gran país según menos mundo año antes estado contra sino forma caso nada hacer general estaba " +
  "posible río ciudad montaña historia agua pueblo mar tierra libro casa camino puerta noche mesa lengua " +
  "escuela trabajo ciencia música arte fiesta cocina pan vino aceite sal verde azul rojo blanco negro alto " +
  "bajo largo corto nuevo viejo grande pequeño fácil difícil rápido lento claro oscuro frío caliente"
).split(" ");

/** A deterministic pseudo-random text for item `n`: the same n always gives the same words. */
export function syntheticText(n: number, words: number, salt: number): string {
  let state = (n * 2654435761 + salt * 40503) >>> 0;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out.push(VOCABULARY[state % VOCABULARY.length]!);
  }
  return out.join(" ");
}

export const syntheticInstruction = (n: number) => `¿${syntheticText(n, 14, 1)}?`;
export const syntheticResponse = (n: number) => `${syntheticText(n, 60, 2)}.`;

const STATUSES = ["draft", "submitted", "approved", "approved", "approved", "changes_requested", "rejected"];
const LANGUAGES = ["es", "ca", "eu", "gl"];
const CATEGORIES = ["open_qa", "brainstorming", "general_qa", "creative_writing"];

/**
 * Fills `items` with `count` items of one campaign and author, in batches: realistic lengths, distinct texts
 * with their fingerprints and similarity keys (as submitItem stores them), statuses spread like a live programme.
 */
export async function fillItems(database: BenchDatabase, options: { count: number; campaignId: string; authorId: string }) {
  const batch = 5_000;
  for (let start = 0; start < options.count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, options.count - start) }, (_, offset) => {
      const n = start + offset;
      const text = { instruction: syntheticInstruction(n), response: syntheticResponse(n) };
      return {
        n,
        ...text,
        fingerprint: itemFingerprint(text),
        keys: `{${itemSimilarityKeys({ ...text, language: languageOfSyntheticItem(n) }).join(",")}}`,
      };
    });
    await database.query(
      `INSERT INTO items (id, campaign_id, author_id, language, category, status, instruction, response, fingerprint,
                          similarity_keys, review_round, submitted_at, created_at, updated_at, version)
       SELECT gen_random_uuid(), $1::uuid, $2::uuid,
              ($3::text[])[1 + n % 4]::"Language", ($4::text[])[1 + n % 4]::"Category", ($5::text[])[1 + n % 7]::"ItemStatus",
              instruction, response, fingerprint, keys::bigint[], 1, now() - (n || ' seconds')::interval, now(), now(), 1
       FROM unnest($6::int[], $7::text[], $8::text[], $9::text[], $10::text[]) AS t(n, instruction, response, fingerprint, keys)`,
      [
        options.campaignId,
        options.authorId,
        LANGUAGES,
        CATEGORIES,
        STATUSES,
        rows.map((row) => row.n),
        rows.map((row) => row.instruction),
        rows.map((row) => row.response),
        rows.map((row) => row.fingerprint),
        rows.map((row) => row.keys),
      ],
    );
  }
  // Steady state, as autovacuum leaves it: statistics, and GIN pending lists merged into the index proper
  // (a bulk load leaves megabytes of pending entries that every lookup would otherwise scan).
  await database.query("VACUUM ANALYZE items");
}

export const languageOfSyntheticItem = (n: number) => LANGUAGES[n % 4] as "es" | "ca" | "eu" | "gl";
export const statusOfSyntheticItem = (n: number) => STATUSES[n % 7]!;
