// The whole test suite in one command: a fresh PostgreSQL database (embedded, or on the DATABASE_URL server),
// unit and integration tests with Node's runner, a production build, then Playwright in a real Chromium.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { buildApp, buildIsStale } from "@/cli/build-app";
import { PROJECT_ROOT } from "@/cli/web-server";
import { migrateDatabase } from "@/lib/database/migrate-database";
import { createDatabase, dropDatabase, openScratchServer } from "@/tests/support/test-databases";
import { findChromium, NO_CHROMIUM_MESSAGE } from "@/tests/support/find-chromium";

const TEST_DATABASE = "escriba_test";
/**
 * The browser tests get a database of their own: what the integration tests leave behind (submitted items, say)
 * would otherwise change what the app does, e.g. flag an e2e item as a duplicate of an integration one.
 */
const E2E_DATABASE = "escriba_e2e";
/** Both overridable so two suites (say, two checkouts) can run side by side. */
const TEST_PG_PORT = Number(process.env.ESCRIBA_TEST_PG_PORT ?? 54329);
const TEST_APP_PORT = Number(process.env.ESCRIBA_TEST_APP_PORT ?? 3100);
/** Where the app under test sends e-mail; the browser tests that read mail run an SMTP server there. */
const TEST_SMTP_PORT = Number(process.env.ESCRIBA_TEST_SMTP_PORT ?? TEST_APP_PORT + 1);
/** A fixed secret: test sessions are throwaway, and the e2e server and runner must agree on it. */
const TEST_AUTH_SECRET = "escriba-test-secret-escriba-test-secret-0123456789";

async function testFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(PROJECT_ROOT, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".test.ts"))
    .map((entry) => path.relative(PROJECT_ROOT, path.join(entry.parentPath, entry.name)))
    .sort();
}

function run(command: string, args: string[], extraEnv: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: "inherit", env: { ...process.env, ...extraEnv } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", reject);
  });
}

export async function runAllTests(args: string[]): Promise<number> {
  // `npm test -- tests/integration/x.test.ts …` runs just those files (no build, no browser);
  // `npm test -- tests/e2e/x.spec.ts …` just those browser tests.
  const chosenFiles = args.filter((arg) => arg.endsWith(".test.ts"));
  const chosenSpecs = args.filter((arg) => arg.endsWith(".spec.ts"));
  const only = new Set(args.filter((arg) => ["unit", "integration", "e2e"].includes(arg)));
  if (chosenFiles.length > 0) only.add("unit");
  if (chosenSpecs.length > 0) only.add("e2e");
  const wants = (layer: string) => only.size === 0 || only.has(layer);

  const chromiumPath = findChromium(process.env.ESCRIBA_CHROMIUM_PATH);
  if (wants("e2e") && !chromiumPath) {
    console.error(NO_CHROMIUM_MESSAGE);
    return 1;
  }

  const { adminUrl, description, server } = await openScratchServer({ folder: `test-${TEST_PG_PORT}`, port: TEST_PG_PORT });
  console.log(`Tests use ${description}; they create and drop their own databases.`);
  const databaseUrl = await createDatabase(adminUrl, TEST_DATABASE, { replace: true });
  await migrateDatabase(databaseUrl);

  // Release files of this run only: the app under test and the tests write and read them here, never in .data/releases.
  await mkdir(path.join(PROJECT_ROOT, ".data"), { recursive: true });
  const releasesDir = await mkdtemp(path.join(PROJECT_ROOT, ".data", "test-releases-"));
  const testEnv = {
    DATABASE_URL: databaseUrl,
    ESCRIBA_RELEASES_DIR: releasesDir,
    ESCRIBA_TEST_ADMIN_URL: adminUrl,
    NEXTAUTH_SECRET: TEST_AUTH_SECRET,
    NEXTAUTH_URL: `http://127.0.0.1:${TEST_APP_PORT}`,
    PORT: String(TEST_APP_PORT),
    ESCRIBA_SMTP_URL: `smtp://127.0.0.1:${TEST_SMTP_PORT}`,
    ESCRIBA_TEST_SMTP_PORT: String(TEST_SMTP_PORT),
    ESCRIBA_CHROMIUM_PATH: chromiumPath ?? "",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  let failures = 0;
  try {
    const nodeTestFiles =
      chosenFiles.length > 0 || chosenSpecs.length > 0
        ? chosenFiles
        : [...(wants("unit") ? await testFiles("tests/unit") : []), ...(wants("integration") ? await testFiles("tests/integration") : [])];
    if (nodeTestFiles.length > 0) {
      console.log(`\n== Unit and integration tests (${nodeTestFiles.length} files)`);
      const code = await run(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...nodeTestFiles], testEnv);
      if (code !== 0) failures++;
    }
    if (wants("e2e")) {
      if (await buildIsStale()) {
        console.log("\n== Building the app for the end-to-end tests");
        await buildApp();
      }
      console.log("\n== End-to-end tests in Chromium");
      const e2eDatabaseUrl = await createDatabase(adminUrl, E2E_DATABASE, { replace: true });
      await migrateDatabase(e2eDatabaseUrl);
      const playwright = path.join(PROJECT_ROOT, "node_modules", "@playwright", "test", "cli.js");
      // Three runs: the specs that may share the machine and the database, the all-pages audit, then those that must
      // have both to themselves (see the projects in playwright.config.ts). A run whose chosen specs are all in
      // another one has nothing to do.
      let failed = false;
      for (const projects of [["own-data", "one-at-a-time"], ["audit"], ["alone"]]) {
        // Each run keeps its traces in a folder of its own (a run empties its output folder when it starts).
        const output = path.join("test-results", projects.join("+"));
        const args = [playwright, "test", ...projects.flatMap((project) => ["--project", project]), "--output", output, "--pass-with-no-tests", ...chosenSpecs];
        if ((await run(process.execPath, args, { ...testEnv, DATABASE_URL: e2eDatabaseUrl })) !== 0) failed = true;
      }
      if (failed) failures++;
    }
  } finally {
    await dropDatabase(adminUrl, TEST_DATABASE).catch(() => {});
    await dropDatabase(adminUrl, E2E_DATABASE).catch(() => {});
    await rm(releasesDir, { recursive: true, force: true });
    await server?.stop();
  }
  console.log(failures === 0 ? "\nAll test layers passed." : `\n${failures} test layer(s) failed.`);
  return failures === 0 ? 0 : 1;
}
