// End-to-end tests: a real Chromium against the production build served by `escriba start`, on the test database
// prepared by `npm test` (tests/support/run-all.ts), which also sets the variables read here.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

const specs = (...names: string[]) => names.map((name) => `**/${name}.spec.ts`);
/**
 * Specs that create, build or publish releases (a release takes every approved item in the database, and each new
 * version must be greater than the last one published), or that start an escriba and a PostgreSQL of their own: one
 * at a time, beside the rest.
 */
const ONE_AT_A_TIME = specs("releases", "releases-api", "retraction", "database-loss", "several-processes");
/**
 * The all-pages audit (every page × role × UI language × width, with axe and the catalog check): `npm test` runs it
 * after the specs above, with only itself beside it, because it reads every row on a page back from the database
 * (a row another spec deletes or edits meanwhile would be a false alarm). Its tests, one per role and language, share
 * both workers.
 */
const AUDIT = specs("all-pages");
/**
 * Specs that judge the whole database (the fuzz test checks that a refused write changed no table) or need the
 * machine to themselves (a pool of one answering in time): `npm test` runs them after the others, with nothing beside
 * them (tests/support/run-all.ts).
 */
const ALONE = specs("api-fuzz", "overload");

export default defineConfig({
  testDir: "tests/e2e",
  // Two cores: a spec file per worker, its tests in order.
  fullyParallel: false,
  workers: 2,
  projects: [
    // Every other spec works in campaigns, users and items of its own (claims go through its campaign's queue).
    { name: "own-data", testIgnore: [...ONE_AT_A_TIME, ...ALONE, ...AUDIT] },
    { name: "one-at-a-time", testMatch: ONE_AT_A_TIME, workers: 1 },
    { name: "audit", testMatch: AUDIT, fullyParallel: true },
    { name: "alone", testMatch: ALONE, workers: 1 },
  ],
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.ESCRIBA_CHROMIUM_PATH || undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node bin/escriba.mjs start --no-build --no-demo --hostname 127.0.0.1",
    url: `${baseURL}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
