// Runs a CLI command against the configured database (or the embedded one), closing everything afterwards.
import { connectDatabase } from "@/lib/database/connect-database";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { disconnectDb } from "@/lib/db";

export async function withDatabase<T>(run: (url: string) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const database = await connectDatabase();
  try {
    if (options.migrate ?? true) await migrateDatabase(database.url);
    return await run(database.url);
  } finally {
    await disconnectDb();
    await database.release();
  }
}
