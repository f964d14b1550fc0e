// The one Prisma client of the process, connected through the pg driver adapter (no native engine needed).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, env } from "@/lib/env";

export type Database = PrismaClient;

const globalForDb = globalThis as unknown as { escribaDb?: PrismaClient; escribaPool?: pg.Pool };

/** How much longer than the pool's own wait a transaction may wait to start: the pool's timeout is the one that fires. */
const TRANSACTION_START_MARGIN_MS = 1000;

function createClient(): PrismaClient {
  const config = env();
  const reportConnectionError = (error: Error) => console.error(`database connection: ${error.message}`);
  // Our own pool (the adapter's would be out of reach), so that the metrics can report its use.
  globalForDb.escribaPool = new pg.Pool({
    connectionString: databaseUrl(),
    max: config.ESCRIBA_DB_POOL_SIZE,
    // Requests beyond the pool wait in line (pg-pool serves them in arrival order) for at most this long;
    // error-response.ts turns the timeout into 503 + Retry-After.
    connectionTimeoutMillis: config.ESCRIBA_DB_POOL_TIMEOUT_MS,
  });
  // Our own listener as well as the adapter's: the adapter takes its listener off when Prisma disconnects, and an idle
  // connection that PostgreSQL then drops (escriba stopping its embedded server) would be an uncaught exception.
  globalForDb.escribaPool.on("error", reportConnectionError);
  const adapter = new PrismaPg(
    globalForDb.escribaPool,
    // A connection PostgreSQL drops (restart, admin shutdown) is logged and replaced, never a crash.
    { onPoolError: reportConnectionError, onConnectionError: reportConnectionError },
  );
  return new PrismaClient({
    adapter,
    transactionOptions: {
      maxWait: config.ESCRIBA_DB_POOL_TIMEOUT_MS + TRANSACTION_START_MARGIN_MS,
      timeout: config.ESCRIBA_DB_TRANSACTION_TIMEOUT_MS,
    },
  });
}

/** Lazily created so that importing a module never opens a connection (e.g. during `next build`). */
export function db(): PrismaClient {
  // Kept on globalThis so development hot reloads do not open a new pool each time.
  globalForDb.escribaDb ??= createClient();
  return globalForDb.escribaDb;
}

/** The pool behind the client, for the few paths that speak to PostgreSQL without Prisma (see one-round-trip.ts). */
export function databasePool(): pg.Pool {
  db();
  return globalForDb.escribaPool!;
}

export async function disconnectDb(): Promise<void> {
  if (globalForDb.escribaDb) {
    await globalForDb.escribaDb.$disconnect();
    globalForDb.escribaDb = undefined;
  }
  const pool = globalForDb.escribaPool;
  globalForDb.escribaPool = undefined;
  await pool?.end();
}

/** Connections of this process's pool: open, idle, and requests waiting for one. */
export function databasePoolStats(): { total: number; idle: number; waiting: number } {
  const pool = globalForDb.escribaPool;
  return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
}
