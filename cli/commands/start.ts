import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { buildApp, buildIsStale } from "@/cli/build-app";
import { startWorkers } from "@/cli/job-workers";
import { printDemoAccounts } from "@/cli/print-demo-accounts";
import { startWebServer } from "@/cli/web-server";
import { connectDatabase } from "@/lib/database/connect-database";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { readMigrationFiles } from "@/lib/database/migrations";
import { superviseEmbeddedServer } from "@/lib/database/supervise-embedded-server";
import { disconnectDb } from "@/lib/db";
import { seedDemoAccounts } from "@/lib/demo/seed-demo";
import { env, useAuthSecret } from "@/lib/env";
import { updateProcessStatus } from "@/lib/health/process-status";

/** What the server logs as an error on a normal first start: the job queue looking for its schema before creating it. */
const EXPECTED_SERVER_ERRORS = /relation "graphile_worker\.migrations" does not exist/;

/** Without NEXTAUTH_SECRET a secret is generated once and kept with the data, so sessions survive restarts. */
async function ensureAuthSecret(dataDir: string): Promise<void> {
  if (env().NEXTAUTH_SECRET) return;
  const file = path.join(dataDir, "auth-secret");
  await mkdir(dataDir, { recursive: true });
  if (!existsSync(file)) await writeFile(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  useAuthSecret((await readFile(file, "utf8")).trim());
}

export function registerStartCommand(program: Command) {
  program
    .command("start")
    .description("Start escriba: database (embedded unless DATABASE_URL is set), migrations, demo accounts, web app.")
    .option("--no-build", "serve the existing build even if sources changed")
    .option("--no-demo", "do not create the demo accounts")
    .option("--hostname <host>", "address to listen on", "0.0.0.0")
    .action(async (options: { build: boolean; demo: boolean; hostname: string }) => {
      const config = env();
      if (options.build && (await buildIsStale())) {
        console.log("Building the web app (first start or changed sources)…");
        await buildApp();
      }
      const database = await connectDatabase({
        log: (line) => {
          if (/FATAL|ERROR|PANIC/.test(line) && !EXPECTED_SERVER_ERRORS.test(line)) console.error(`postgres: ${line}`);
        },
      });
      console.log(
        database.kind === "external"
          ? "Using the PostgreSQL server of DATABASE_URL."
          : `Embedded PostgreSQL on 127.0.0.1:${config.ESCRIBA_PG_PORT}, data in ${path.join(config.dataDir, "postgres")}.`,
      );
      let stopping = false;
      const stop = async (signal: string, exitCode = 0) => {
        if (stopping) return;
        stopping = true;
        console.log(`\n${signal}: stopping…`);
        server?.close();
        // A build cut short here is left "building" without its lock: it shows as stalled and can be retried.
        // Bounded: a long build does not hold up Ctrl-C.
        await Promise.race([workers?.stop().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000))]);
        await disconnectDb().catch(() => {});
        await database.release().catch((error) => console.error(error));
        console.log("Stopped.");
        process.exit(exitCode);
      };
      process.on("SIGINT", () => void stop("SIGINT"));
      process.on("SIGTERM", () => void stop("SIGTERM"));
      if (database.server) {
        superviseEmbeddedServer(database.server, {
          log: (line) => console.error(line),
          // Serving 503 for ever helps nobody: exit non-zero so that whatever runs escriba notices.
          onGiveUp: () => {
            console.error("escriba: the embedded PostgreSQL could not be restarted; giving up.");
            void stop("database lost", 1);
          },
        });
      }

      let server: Awaited<ReturnType<typeof startWebServer>> | undefined;
      let workers: Awaited<ReturnType<typeof startWorkers>> | undefined;
      try {
        const applied = await migrateDatabase(database.url, { log: (line) => console.log(line) });
        if (applied.length > 0) console.log(`Applied ${applied.length} migration(s).`);
        updateProcessStatus({ expectedMigrations: (await readMigrationFiles()).map((migration) => migration.name) });
        if (options.demo) {
          const created = await seedDemoAccounts();
          if (created.length > 0) console.log(`Created demo data: ${created.join(", ")}.`);
          printDemoAccounts();
        }
        await ensureAuthSecret(config.dataDir);
        if (config.ESCRIBA_WORKERS > 0) {
          const runner = await startWorkers(database.url, config.ESCRIBA_WORKERS);
          workers = runner;
          updateProcessStatus({ jobWorkers: { count: config.ESCRIBA_WORKERS, running: true } });
          // Workers that stop by themselves (not at our shutdown) make this process not ready.
          runner.promise.then(
            () => !stopping && updateProcessStatus({ jobWorkers: { count: config.ESCRIBA_WORKERS, running: false, stoppedBecause: "they exited" } }),
            (error: unknown) =>
              updateProcessStatus({
                jobWorkers: { count: config.ESCRIBA_WORKERS, running: false, stoppedBecause: error instanceof Error ? error.message : String(error) },
              }),
          );
        }
        server = await startWebServer({ port: config.PORT, hostname: options.hostname });
        console.log(`escriba is running on http://localhost:${config.PORT} (Ctrl-C to stop).`);
      } catch (error) {
        console.error(error instanceof Error ? error.message : error);
        await stop("error", 1);
      }
    });
}
