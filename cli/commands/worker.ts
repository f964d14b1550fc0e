import type { Command } from "commander";
import { startWorkers } from "@/cli/job-workers";
import { connectDatabase } from "@/lib/database/connect-database";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { disconnectDb } from "@/lib/db";

export function registerWorkerCommand(program: Command) {
  program
    .command("worker")
    .description("Run background job workers (release builds) without the web app; run as many as you like.")
    .option("--concurrency <n>", "jobs to run at once in this process", (value) => Number.parseInt(value, 10), 1)
    .action(async (options: { concurrency: number }) => {
      const database = await connectDatabase();
      await migrateDatabase(database.url);
      const runner = await startWorkers(database.url, Math.max(1, options.concurrency || 1));
      console.log(`Worker running (${Math.max(1, options.concurrency || 1)} at a time). Ctrl-C to stop.`);
      const stop = async () => {
        await Promise.race([runner.stop().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000))]);
        await disconnectDb().catch(() => {});
        await database.release().catch(() => {});
        process.exit(0);
      };
      process.on("SIGINT", () => void stop());
      process.on("SIGTERM", () => void stop());
      await runner.promise;
    });
}
