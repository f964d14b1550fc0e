// Overload and a lost database answer 503 with Retry-After, never 500, and never leave half a save behind. The
// saves run the route handler's path after authentication: the use case, then the one error mapping of the API.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import pg from "pg";
import { db, disconnectDb } from "@/lib/db";
import { databaseUrl, useDatabaseUrl } from "@/lib/env";
import { errorResponse } from "@/lib/http/error-response";
import { createDraft } from "@/lib/items/create-draft";
import { getItem } from "@/lib/items/get-item";
import { updateDraft } from "@/lib/items/update-draft";
import { waitUntil } from "@/tests/support/escriba-process";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

// A pool of one connection and a 1 s wait for it: a few concurrent saves are already an overload. Set before
// anything reads the configuration (env() reads it once, on first use).
process.env.ESCRIBA_DB_POOL_SIZE = "1";
process.env.ESCRIBA_DB_POOL_TIMEOUT_MS = "1000";

after(disconnectDb);

/** What PATCH /api/v1/items/{id} answers for one save: the status, Retry-After, and the version when it is saved. */
async function saveThroughApiPath(run: () => Promise<{ version: number }>) {
  try {
    const saved = await run();
    return { status: 200, retryAfter: null, version: saved.version };
  } catch (error) {
    const response = errorResponse(error);
    const body = (await response.json()) as { error: { code: string } };
    return { status: response.status, retryAfter: response.headers.get("Retry-After"), code: body.error.code, version: null };
  }
}

/** Waits until another session runs pg_sleep, seen from a connection of its own (the pool's one is taken). */
async function untilSomeoneSleeps(): Promise<void> {
  const observer = new pg.Client({ connectionString: databaseUrl() });
  await observer.connect();
  try {
    await waitUntil(
      async () =>
        (await observer.query("SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()")).rowCount! > 0,
      10_000,
      "the holder never started sleeping",
    );
  } finally {
    await observer.end();
  }
}

let campaignId: string;
before(async () => {
  campaignId = (await createTestCampaign()).id;
});

test("60 writers saving at once through one connection: acknowledged saves are stored, the rest get 503 + Retry-After and are untouched", async () => {
  // One author with many drafts, set up one at a time: the pool of one would refuse a crowd of set-ups too.
  const viewer = viewerOf(await createTestUser("annotator", ["es"], "overload"));
  const writers: { viewer: typeof viewer; index: number; draft: Awaited<ReturnType<typeof createDraft>> }[] = [];
  for (let index = 0; index < 60; index++) {
    writers.push({ viewer, index, draft: await createDraft(viewer, { campaignId, language: "es", category: "open_qa" }) });
  }

  const textOf = (index: number) => `¿Cuántos puentes cruzan el río en la ciudad número ${index}?`;
  const save = ({ viewer, draft, index }: (typeof writers)[number]) =>
    saveThroughApiPath(() => updateDraft(viewer, draft.id, { version: draft.version, instruction: textOf(index) }));
  // Someone else's slow transaction holds the only connection for 1.5 s. The first 30 writers arrive as soon as it
  // sleeps: their 1 s wait runs out while it still holds the connection. The other 30 arrive 0.9 s later, while the
  // first still wait: the connection frees up about 0.6 s into their wait, so the first of them in line are served.
  // Half a second of margin either way, so it comes out the same on a fast machine and on a loaded one.
  const holder = db().$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(1.5)::text`);
  await untilSomeoneSleeps();
  const early = writers.slice(0, 30).map(save);
  await new Promise((resolve) => setTimeout(resolve, 900));
  const late = writers.slice(30).map(save);
  const results = await Promise.all([...early, ...late]);
  await holder;

  const statuses = results.map((result) => result.status);
  assert.deepEqual([...new Set(statuses)].filter((status) => status !== 200 && status !== 503), [], `statuses: ${statuses.join(",")}`);
  assert.deepEqual(new Set(statuses.slice(0, 30)), new Set([503]), "a save that waits longer than 1 s for the connection is refused");
  const refused = results.filter((result) => result.status === 503);
  assert.ok(results.slice(30).some((result) => result.status === 200), "the saves that get the connection in time are served");
  for (const result of refused) {
    assert.equal(result.code, "unavailable");
    assert.match(result.retryAfter ?? "", /^[1-9]\d*$/);
  }

  // Read back one at a time, so the check itself is not refused.
  for (const [position, { viewer, draft, index }] of writers.entries()) {
    const stored = await getItem(viewer, draft.id);
    if (results[position]!.status === 200) {
      assert.equal(stored.instruction, textOf(index));
      assert.equal(stored.version, results[position]!.version);
    } else {
      assert.equal(stored.instruction, draft.instruction, "a refused save wrote nothing");
      assert.equal(stored.version, draft.version);
    }
  }

  // What the editor then does: retry the refused ones once the crowd is gone, and they are saved.
  for (const [position, { viewer, draft, index }] of writers.entries()) {
    if (results[position]!.status !== 503) continue;
    const retried = await saveThroughApiPath(() => updateDraft(viewer, draft.id, { version: draft.version, instruction: textOf(index) }));
    assert.equal(retried.status, 200);
    assert.equal((await getItem(viewer, draft.id)).instruction, textOf(index));
  }
});

test("a connection PostgreSQL terminates (admin shutdown, 57P01) answers 503, not 500", async () => {
  const admin = new pg.Client({ connectionString: databaseUrl() });
  await admin.connect();
  try {
    const result = await saveThroughApiPath(() =>
      db().$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        await admin.query("SELECT pg_terminate_backend($1)", [row!.pid]);
        await tx.$queryRaw`SELECT 1`;
        return { version: 0 };
      }),
    );
    assert.equal(result.status, 503);
    assert.equal(result.code, "unavailable");
    assert.ok(result.retryAfter);
  } finally {
    await admin.end();
  }
});

test("a database that refuses connections answers 503 with Retry-After, and the app recovers when it is back", async () => {
  const author = viewerOf(await createTestUser("annotator", ["es"], "unreachable"));
  const draft = await createDraft(author, { campaignId, language: "es", category: "open_qa" });
  const realUrl = databaseUrl();
  const closedPort = new URL(realUrl);
  closedPort.port = "1";
  await disconnectDb();
  useDatabaseUrl(closedPort.toString());
  try {
    const result = await saveThroughApiPath(() => updateDraft(author, draft.id, { version: draft.version, instruction: "¿Hay alguien?" }));
    assert.equal(result.status, 503);
    assert.equal(result.code, "unavailable");
    assert.match(result.retryAfter ?? "", /^[1-9]\d*$/);
  } finally {
    await disconnectDb();
    useDatabaseUrl(realUrl);
  }
  // As the editor does: retry with a pause until the save goes through (a first connection may take a moment).
  let retried = { status: 0 };
  for (let attempt = 0; attempt < 5 && retried.status !== 200; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    retried = await saveThroughApiPath(() => updateDraft(author, draft.id, { version: draft.version, instruction: "¿Hay alguien?" }));
  }
  assert.equal(retried.status, 200);
});
