// Save and submit latency through the HTTP API with 50 concurrent simulated annotators, against a database
// holding 200,000 items. Needs the built app (`npm run build`). Prints p50/p95; never asserts on timing.
// Then the floors, the same way with the same pauses but as bare SQL through a pool of the app's size: a save's
// `UPDATE … WHERE id AND version`, and a submission's revision INSERT plus status UPDATE in one statement.
// Last, an authenticated request that does nothing else (`GET /api/v1/me`), the same way: what Next.js, the token
// lookup and JSON cost every request, which the bare SQL floors leave out; and the liveness probe, what Next.js alone
// costs.
// Usage: node --import tsx bench/writing-latency.ts [annotators=50] [items=200000] [savesEach=20] [pauseMs=1500]
//        [--port 54339] [--app-port 3190]
// pauseMs is each annotator's pause between saves (the editor autosaves ~1.5 s after the last keystroke);
// 0 makes every annotator save back to back, which measures the server saturated rather than in use.
import { parseArgs } from "node:util";
import pg from "pg";
import { createApiToken } from "@/lib/auth/api-tokens";
import { disconnectDb } from "@/lib/db";
import { fillItems, openBenchDatabase, summarise } from "@/bench/support/bench-database";
import { startBenchApp } from "@/bench/support/start-app";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";

const args = parseArgs({
  allowPositionals: true,
  options: { port: { type: "string", default: "54339" }, "app-port": { type: "string", default: "3190" } },
});
const [annotatorCount = 50, itemCount = 200_000, savesEach = 20, pauseMs = 1500] = args.positionals.map(Number);
const pause = () => new Promise((resolve) => setTimeout(resolve, pauseMs * (0.5 + Math.random())));
const PORT = Number(args.values["app-port"]);
const base = `http://127.0.0.1:${PORT}`;

async function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  samples.push(performance.now() - started);
  return result;
}

async function api(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`${method} ${path} → ${response.status} is not JSON: is the build older than the API? Run \`npm run build\`.`);
  }
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(payload)}`);
  return payload;
}

const database = await openBenchDatabase("escriba_bench_writing", { port: Number(args.values.port) });
const campaign = await createTestCampaign({ languages: ["es", "gl"] });
const filler = await createTestUser("annotator", ["es"], "filler");
console.log(`Filling ${itemCount} items…`);
const fillStarted = performance.now();
await fillItems(database, { count: itemCount, campaignId: campaign.id, authorId: filler.id });
console.log(`…in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);

const annotators = [];
for (let index = 0; index < annotatorCount; index++) {
  const user = await createTestUser("annotator", ["es", "gl"]);
  annotators.push({ user, token: (await createApiToken(null, user.id, { name: "bench" })).token });
}
await disconnectDb();

const server = await startBenchApp(database.url, PORT);

/** One annotator's autosaves as the editor sends them (a growing instruction), each timed; returns the last version. */
async function autosave(samples: number[], index: number, version: number, save: (version: number, instruction: string) => Promise<number>) {
  let text = "";
  for (let step = 0; step < savesEach; step++) {
    await pause();
    text += ` palabra${step}`;
    const instruction = `¿Qué ocurre en el caso ${index}-${step} cuando${text}?`;
    version = await timed(samples, () => save(version, instruction));
  }
  return version;
}

const saves: number[] = [];
const submits: number[] = [];
const started = performance.now();
await Promise.all(
  annotators.map(async ({ token }, index) => {
    const draft = await api(token, "POST", "/api/v1/items", { campaignId: campaign.id, language: "es", category: "open_qa" });
    let version = await autosave(saves, index, draft.version as number, async (version, instruction) =>
      (await api(token, "PATCH", `/api/v1/items/${draft.id}`, { version, instruction })).version as number,
    );
    await api(token, "PATCH", `/api/v1/items/${draft.id}`, {
      version,
      instruction: `¿Cuál es la diferencia entre una ría y un estuario en la costa del caso ${index}?`,
      response: `Una ría es un valle fluvial inundado por el mar; un estuario es la desembocadura ancha de un río donde se mezclan agua dulce y salada. Caso ${index}.`,
    }).then((saved) => (version = saved.version as number));
    await timed(submits, () => api(token, "POST", `/api/v1/items/${draft.id}/submit`, { version }));
  }),
);
const seconds = (performance.now() - started) / 1000;
console.log(
  `${annotatorCount} concurrent annotators, ${itemCount} items in the database, pause ${pauseMs} ms between saves, ${seconds.toFixed(1)} s`,
);
console.log(summarise("save (PATCH /api/v1/items/{id})", saves));
console.log(summarise("submit (POST /api/v1/items/{id}/submit)", submits));

const pool = new pg.Pool({ connectionString: database.url, max: 10 });
const floorSaves: number[] = [];
const floorSubmits: number[] = [];
await Promise.all(
  annotators.map(async ({ token, user }, index) => {
    const draft = await api(token, "POST", "/api/v1/items", { campaignId: campaign.id, language: "es", category: "open_qa" });
    const version = await autosave(floorSaves, index, draft.version as number, async (version, instruction) => {
      await pool.query(`UPDATE items SET instruction = $1, version = version + 1, updated_at = now() WHERE id = $2::uuid AND version = $3`, [
        instruction,
        draft.id,
        version,
      ]);
      return version + 1;
    });
    await timed(floorSubmits, () =>
      pool.query(
        `WITH submitted AS (
           UPDATE items SET status = 'submitted', submitted_at = now(), review_round = review_round + 1, version = version + 1
            WHERE id = $1::uuid AND version = $2 RETURNING *)
         INSERT INTO item_revisions (id, item_id, number, kind, author_id, variety, category, instruction, context, response, guideline_id)
         SELECT gen_random_uuid(), id, 1, 'submission', $3::uuid, variety, category, instruction, context, response, guideline_id FROM submitted`,
        [draft.id, version, user.id],
      ),
    );
  }),
);
await pool.end();

// What any authenticated API request costs under the same load: `GET /api/v1/me` reads the token's viewer and nothing
// else, so it is the part of a save or submit that is Next.js, the token lookup and JSON, not the item's work.
const framework: number[] = [];
await Promise.all(
  annotators.map(async ({ token }, index) => {
    await autosave(framework, index, 0, async () => {
      await api(token, "GET", "/api/v1/me");
      return 0;
    });
  }),
);
// And what Next.js alone costs: the liveness probe reads no session, token or database and answers a constant.
const bareFramework: number[] = [];
await Promise.all(
  annotators.map(async (_, index) => {
    await autosave(bareFramework, index, 0, async () => {
      const response = await fetch(`${base}/api/health/live`);
      if (!response.ok) throw new Error(`GET /api/health/live answered ${response.status}`);
      await response.arrayBuffer();
      return 0;
    });
  }),
);
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
console.log(summarise("floor: save as one UPDATE … WHERE id AND version", floorSaves));
console.log(summarise("floor: submit as one revision INSERT + status UPDATE", floorSubmits));
console.log(summarise("an authenticated request that does nothing else (GET /api/v1/me)", framework));
console.log(summarise("a request without session, token or database (GET /api/health/live)", bareFramework));
console.log(
  `ratio (p50): save ${(median(saves) / median(floorSaves)).toFixed(2)}× (target ≤ 2×), submit ${(median(submits) / median(floorSubmits)).toFixed(2)}× (target ≤ 3×); ` +
    `above the request that does nothing: save +${(median(saves) - median(framework)).toFixed(1)} ms, submit +${(median(submits) - median(framework)).toFixed(1)} ms`,
);
await server.stop();
await database.close();
