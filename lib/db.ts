// The one Prisma client of the process, connected through the pg driver adapter (no native engine needed).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/env";

export type Database = PrismaClient;

const globalForDb = globalThis as unknown as { escribaDb?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl(), max: 10 });
  return new PrismaClient({ adapter });
}

/** Lazily created so that importing a module never opens a connection (e.g. during `next build`). */
export function db(): PrismaClient {
  // Kept on globalThis so development hot reloads do not open a new pool each time.
  globalForDb.escribaDb ??= createClient();
  return globalForDb.escribaDb;
}

export async function disconnectDb(): Promise<void> {
  if (globalForDb.escribaDb) {
    await globalForDb.escribaDb.$disconnect();
    globalForDb.escribaDb = undefined;
  }
}
