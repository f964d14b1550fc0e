// For test files that look at every row (a release takes every approved item): a fresh, migrated database of the
// file's own for all its tests, dropped at the end. Call at the top level of the file, before anything uses db().
import { after, before } from "node:test";
import { disconnectDb } from "@/lib/db";
import { useOwnDatabase } from "@/tests/support/test-databases";

export function ownDatabaseForThisFile(prefix: string): { readonly url: string; beforeDrop(cleanup: () => Promise<void> | void): void } {
  let database: Awaited<ReturnType<typeof useOwnDatabase>> | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  before(async () => {
    database = await useOwnDatabase(prefix);
  });
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
    await disconnectDb();
    await database?.drop();
  });
  return {
    /** For what holds connections to the database (workers, say): it runs before the database is dropped. */
    beforeDrop(cleanup) {
      cleanups.push(cleanup);
    },
    get url() {
      if (!database) throw new Error("the database is created in a before() hook; use it inside tests");
      return database.url;
    },
  };
}
