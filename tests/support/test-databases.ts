// Creates and drops whole databases for tests, on the test PostgreSQL server.
import path from "node:path";
import pg from "pg";
import { startEmbeddedServer, type EmbeddedServer } from "@/lib/database/embedded-server";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { env, useDatabaseUrl } from "@/lib/env";

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name ${name}`);
  return `"${name}"`;
}

export function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createDatabase(adminUrl: string, database: string, options: { replace?: boolean } = {}) {
  await withAdmin(adminUrl, async (client) => {
    if (options.replace) await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  });
  return databaseUrlFor(adminUrl, database);
}

export async function dropDatabase(adminUrl: string, database: string) {
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`));
}

/**
 * A PostgreSQL server on which tests and benchmarks may create their own databases: the server of DATABASE_URL
 * when set, else an embedded server in `.data/<folder>` on `port` (stop it when done).
 */
export async function openScratchServer(options: { folder: string; port: number }): Promise<{
  adminUrl: string;
  description: string;
  server?: EmbeddedServer;
}> {
  const config = env();
  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    return { adminUrl: databaseUrlFor(url.toString(), "postgres"), description: `the PostgreSQL server of DATABASE_URL (${url.host})` };
  }
  const server = await startEmbeddedServer({ dataDir: path.join(config.dataDir, options.folder), port: options.port });
  return { adminUrl: server.urlFor("postgres"), description: `an embedded PostgreSQL on port ${options.port}`, server };
}

/**
 * Points this test process at a fresh, migrated database of its own, for tests that look at every row (a release
 * takes every approved item, so other test files' items must not be there). Call before anything uses db().
 */
export async function useOwnDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.ESCRIBA_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error("ESCRIBA_TEST_ADMIN_URL is not set: run the tests with `npm test`.");
  const name = `${prefix}_${Math.random().toString(16).slice(2, 10)}`;
  const url = await createDatabase(adminUrl, name);
  await migrateDatabase(url);
  useDatabaseUrl(url);
  return { url, drop: () => dropDatabase(adminUrl, name) };
}
