// A real `escriba start` with a pool of one connection and a 300 ms wait: saves that cannot get the connection in
// time are answered 503 with Retry-After (never 500) and write nothing; the one that got it is stored.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { createApiToken } from "@/lib/auth/api-tokens";
import { disconnectDb } from "@/lib/db";
import { databaseUrl } from "@/lib/env";
import { createDraft } from "@/lib/items/create-draft";
import { getItem } from "@/lib/items/get-item";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { startEscribaProcess, waitUntil } from "@/tests/support/escriba-process";

test.afterAll(disconnectDb);

/** Next to the suite's own app port, so two checkouts running their suites do not collide. */
const PORT = Number(process.env.PORT ?? 3100) + 61;
const base = `http://127.0.0.1:${PORT}`;

test("saves beyond a saturated pool get 503 + Retry-After after the bounded wait, never 500; the served save is stored", async () => {
  test.setTimeout(180_000);
  const campaign = await createTestCampaign({ languages: ["es"] });
  const user = await createTestUser("annotator", ["es"], "overload");
  const viewer = viewerOf(user);
  const authorization = `Bearer ${(await createApiToken(null, user.id, { name: "overload" })).token}`;
  const drafts: Awaited<ReturnType<typeof createDraft>>[] = [];
  for (let index = 0; index < 40; index++) drafts.push(await createDraft(viewer, { campaignId: campaign.id, language: "es", category: "open_qa" }));

  const app = startEscribaProcess({
    PORT: String(PORT),
    ESCRIBA_WORKERS: "0",
    ESCRIBA_DB_POOL_SIZE: "1",
    ESCRIBA_DB_POOL_TIMEOUT_MS: "300",
  });
  // Holds a row lock on the first draft, so the save of that draft keeps the app's only connection while it waits.
  const locker = new pg.Client({ connectionString: databaseUrl() });
  try {
    await app.waitForOutput(/escriba is running/, 120_000);
    const save = (index: number) =>
      fetch(`${base}/api/v1/items/${drafts[index]!.id}`, {
        method: "PATCH",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify({ version: drafts[index]!.version, instruction: `¿Qué pasa con el borrador número ${index}?` }),
      });
    // Ready first: the app is up and its one connection works.
    expect((await fetch(`${base}/api/health/ready`)).status).toBe(200);

    await locker.connect();
    await locker.query("BEGIN");
    await locker.query("SELECT id FROM items WHERE id = $1 FOR UPDATE", [drafts[0]!.id]);
    const first = save(0);
    await waitUntil(
      async () => (await locker.query("SELECT 1 FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'")).rowCount! > 0,
      30_000,
      "the first save never reached the locked row",
    );
    const crowd = await Promise.all(drafts.slice(1).map((_, offset) => save(offset + 1)));
    await locker.query("COMMIT");
    const served = await first;

    expect(served.status).toBe(200);
    const statuses = crowd.map((response) => response.status);
    expect(statuses.filter((status) => status !== 503)).toEqual([]);
    for (const response of crowd) {
      expect(response.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
      expect((await response.json()).error.code).toBe("unavailable");
    }
    expect((await getItem(viewer, drafts[0]!.id)).instruction).toBe("¿Qué pasa con el borrador número 0?");
    for (const draft of drafts.slice(1)) expect((await getItem(viewer, draft.id)).version).toBe(draft.version);

    // Once the crowd is gone the same saves go through, as the editor's retries would.
    for (let index = 1; index < 4; index++) expect((await save(index)).status).toBe(200);
  } finally {
    await locker.end().catch(() => {});
    app.child.kill("SIGINT");
    await Promise.race([app.exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill("SIGKILL");
  }
});
