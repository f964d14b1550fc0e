import type { Command } from "commander";
import { withDatabase } from "@/cli/with-database";
import { migrateDatabase } from "@/lib/database/migrate-database";

export function registerMigrateCommand(program: Command) {
  program
    .command("migrate")
    .description("Apply pending database migrations (prisma/migrations), recorded as Prisma Migrate does.")
    .action(async () => {
      await withDatabase(
        async (url) => {
          const applied = await migrateDatabase(url, { log: (line) => console.log(line) });
          console.log(applied.length === 0 ? "Database is up to date." : `Applied ${applied.length} migration(s).`);
        },
        { migrate: false },
      );
    });
}
