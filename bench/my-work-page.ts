// My work (/work) for an author with 20,000 items among 200,000: time to first byte and whole page, first page and
// pages by cursor, and the HTML's size, over HTTP from the built app with a signed-in session (`npm run build`).
// Target: TTFB ≤ 50 ms. Prints figures; never asserts on timing.
// Usage: node --import tsx bench/my-work-page.ts [--items 200000] [--own 20000] [--runs 50] [--port 54339] [--app-port 3191]
import { parseArgs } from "node:util";
import { disconnectDb } from "@/lib/db";
import { fillItems, openBenchDatabase, summarise } from "@/bench/support/bench-database";
import { startBenchApp } from "@/bench/support/start-app";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";

const args = parseArgs({
  options: {
    items: { type: "string", default: "200000" },
    own: { type: "string", default: "20000" },
    runs: { type: "string", default: "50" },
    port: { type: "string", default: "54339" },
    "app-port": { type: "string", default: "3191" },
  },
});
const base = `http://127.0.0.1:${args.values["app-port"]}`;
const database = await openBenchDatabase("escriba_bench_my_work", { port: Number(args.values.port) });
const campaign = await createTestCampaign({ languages: ["es", "ca", "eu", "gl"] });
const author = await createTestUser("annotator", ["es", "ca", "eu", "gl"], "my-work");
const others = await createTestUser("annotator", ["es"], "filler");
console.log(`Filling ${args.values.own} items of the author and ${Number(args.values.items) - Number(args.values.own)} of others…`);
await fillItems(database, { count: Number(args.values.own), campaignId: campaign.id, authorId: author.id });
await fillItems(database, { count: Number(args.values.items) - Number(args.values.own), campaignId: campaign.id, authorId: others.id });
await disconnectDb();
const server = await startBenchApp(database.url, Number(args.values["app-port"]));

// next-auth's credentials sign-in, as a browser does it: CSRF token and its cookie, then the form post.
const csrf = await fetch(`${base}/api/auth/csrf`);
const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
const { csrfToken } = (await csrf.json()) as { csrfToken: string };
const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
  method: "POST",
  redirect: "manual",
  headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
  body: new URLSearchParams({ csrfToken, email: author.email, password: author.password, json: "true" }),
});
const cookie = [csrfCookie, ...signedIn.headers.getSetCookie().map((value) => value.split(";")[0])].join("; ");

async function load(path: string) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
  const ttfb = performance.now() - started;
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${path} → ${response.status}: not signed in?`);
  return { ttfb, total: performance.now() - started, bytes: Buffer.byteLength(html), html };
}

const first = { ttfb: [] as number[], total: [] as number[] };
const later = { ttfb: [] as number[], total: [] as number[] };
let bytes = 0;
await load("/work"); // compiles nothing, but warms the process's caches
for (let run = 0; run < Number(args.values.runs); run++) {
  const page = await load("/work");
  first.ttfb.push(page.ttfb);
  first.total.push(page.total);
  bytes = page.bytes;
  // Ten pages further down by the cursor in the "load more" link.
  let html = page.html;
  for (let step = 0; step < 10 && run % 10 === 0; step++) {
    const next = /href="(\/work\?[^"]*cursor=[^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
    if (!next) break;
    const deeper = await load(next);
    later.ttfb.push(deeper.ttfb);
    later.total.push(deeper.total);
    html = deeper.html;
  }
}
console.log(`${args.values.own} items of the author, ${args.values.items} in all; HTML of the first page: ${(bytes / 1024).toFixed(1)} KB`);
console.log(summarise("My work, first page, TTFB", first.ttfb));
console.log(summarise("My work, first page, whole page", first.total));
console.log(summarise("My work, pages by cursor, TTFB", later.ttfb));
await server.stop();
await database.close();
