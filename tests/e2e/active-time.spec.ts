// Honest active time in Chromium: the editor and the review screen count only attentive, recent activity and report
// it in heartbeats and, when the page is hidden or left, with navigator.sendBeacon; the server takes no more than
// the wall time, and a page on another origin cannot report time with the person's cookie.
import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { IDLE_AFTER_SECONDS } from "@/lib/activity/heartbeat-rules";
import { db, disconnectDb } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import { claimNextItem } from "@/lib/reviews/claim-next-item";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser, type TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { serveOnOtherOrigin } from "@/tests/e2e/helpers/other-origin";
import { sameOriginJsonHeaders, signIn, signInThroughForm } from "@/tests/e2e/helpers/session";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);
// When this spec runs first, the app's first sign-in and signed-in pages are rendered here: on a loaded machine
// that alone outlasted the sign-in helper's 10 s wait for its redirect.
test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await browser.newPage();
  const someone = await createTestUser("annotator", ["gl"], "warm-up");
  await signInThroughForm(page, someone.email, someone.password);
  await page.waitForURL(/\/work$/, { timeout: 80_000 });
  await page.close();
});

const HEARTBEATS = "/api/v1/activity/heartbeats";

async function recordedSeconds(userId: string, kind: "writing" | "reviewing"): Promise<number> {
  const total = await db().activeTime.aggregate({ where: { userId, kind }, _sum: { activeSeconds: true } });
  return total._sum.activeSeconds ?? 0;
}

/** The page goes out of sight (another tab, a minimised window), as the browser tells it to the page. */
async function hidePage(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
}

const secondsSince = (startMs: number) => Math.ceil((Date.now() - startMs) / 1000);

async function annotatorWithDraft(): Promise<{ annotator: TestUser; itemId: string }> {
  const campaign = await createTestCampaign({ languages: ["gl"] });
  const annotator = await createTestUser("annotator", ["gl"]);
  const draft = await createDraft(viewerOf(annotator), { campaignId: campaign.id, language: "gl", category: "open_qa" });
  return { annotator, itemId: draft.id };
}

test("typing in the editor produces writing seconds, sent by beacon when the page is hidden, never more than the wall time", async ({ page }) => {
  const { annotator, itemId } = await annotatorWithDraft();
  await signIn(page, annotator, /\/work$/);
  const beats: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith(HEARTBEATS)) beats.push(request.url());
  });
  const opened = Date.now();
  await page.goto(`/work/items/${itemId}`);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.getByLabel("Instruction").pressSequentially("Como se prepara un caldo galego na casa?", { delay: 120 });
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  expect(beats, "well within the first heartbeat interval").toEqual([]);

  await hidePage(page);
  await expect.poll(() => recordedSeconds(annotator.id, "writing")).toBeGreaterThanOrEqual(3);
  const recorded = await recordedSeconds(annotator.id, "writing");
  expect(recorded).toBeLessThanOrEqual(secondsSince(opened));
  expect(beats, "one beacon, as the page was hidden").toHaveLength(1);

  // Hidden, the page counts nothing more; leaving it sends nothing more.
  await page.waitForTimeout(2_000);
  await page.goto("/work");
  await page.waitForTimeout(1_000);
  expect(await recordedSeconds(annotator.id, "writing")).toBe(recorded);
});

test(`an idle editor adds nothing once ${IDLE_AFTER_SECONDS} s have passed without typing, clicking or scrolling`, async ({ page }) => {
  test.setTimeout(IDLE_AFTER_SECONDS * 1000 + 120_000);
  const { annotator, itemId } = await annotatorWithDraft();
  await signIn(page, annotator, /\/work$/);
  const claimed: number[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith(HEARTBEATS)) claimed.push((JSON.parse(request.postData() ?? "{}") as { seconds: number }).seconds);
  });
  await page.goto(`/work/items/${itemId}`);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const typingFrom = Date.now();
  await page.getByLabel("Instruction").pressSequentially("Que leva a empanada de zamburiñas?", { delay: 60 });
  const lastInput = Date.now();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // The page stays visible and focused, untouched, well past the idle limit; its own heartbeats go meanwhile.
  await page.waitForTimeout(IDLE_AFTER_SECONDS * 1000 + 30_000);
  await page.goto("/work");
  await page.waitForTimeout(1_000);

  const recorded = await recordedSeconds(annotator.id, "writing");
  const activeWindow = Math.ceil((lastInput - typingFrom) / 1000) + IDLE_AFTER_SECONDS;
  expect(claimed.length, "the page's own heartbeats reported the time").toBeGreaterThanOrEqual(3);
  expect(claimed.reduce((sum, seconds) => sum + seconds, 0)).toBeLessThanOrEqual(activeWindow + 1);
  expect(recorded).toBeLessThanOrEqual(activeWindow + 1);
  // The two minutes after the last key do count (thinking is work); only the idle time after them does not.
  expect(recorded).toBeGreaterThanOrEqual(IDLE_AFTER_SECONDS - 15);
});

test("time on the review screen is recorded as reviewing time of the leased item", async ({ page }) => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const item = await submitTestItem(await createTestUser("annotator", ["es"]), campaign.id, "es", `reseña ${randomUUID()}`);
  const reviewer = await createTestUser("reviewer", ["es"]);
  expect((await claimNextItem(viewerOf(reviewer), { campaignId: campaign.id }))?.item.id).toBe(item.id);
  await signIn(page, reviewer, /\/review$/);
  const opened = Date.now();
  await page.goto(`/review/items/${item.id}`);
  await expect(page.getByTestId("lease")).toContainText("Leased to you until");
  await page.getByLabel("Comment").pressSequentially("La respuesta es clara y correcta.", { delay: 120 });
  await hidePage(page);
  await expect.poll(() => recordedSeconds(reviewer.id, "reviewing")).toBeGreaterThanOrEqual(2);
  expect(await recordedSeconds(reviewer.id, "reviewing")).toBeLessThanOrEqual(secondsSince(opened));
  expect(await recordedSeconds(reviewer.id, "writing")).toBe(0);
});

test("over HTTP: a forged beat is capped, a repeated one credited once, bad seconds refused by name", async ({ page }) => {
  const { annotator, itemId } = await annotatorWithDraft();
  await signIn(page, annotator, /\/work$/);
  const send = (body: unknown) => page.request.post(HEARTBEATS, { headers: sameOriginJsonHeaders(page), data: body });
  const forged = { kind: "writing", itemId, beatId: randomUUID(), seconds: 5 * 3600 };
  const first = await send(forged);
  expect(first.status()).toBe(200);
  expect(await first.json()).toEqual({ beatId: forged.beatId, credited: 60, duplicate: false });
  expect(await (await send(forged)).json()).toEqual({ beatId: forged.beatId, credited: 0, duplicate: true });
  for (const seconds of [-5, 2.5, 10_000_000, "60"]) {
    const refused = await send({ ...forged, beatId: randomUUID(), seconds });
    expect(refused.status()).toBe(422);
    expect(((await refused.json()) as { error: { fields: { field: string }[] } }).error.fields.map((problem) => problem.field)).toEqual(["seconds"]);
  }
  expect(await recordedSeconds(annotator.id, "writing")).toBe(60);
});

test("a page on another origin cannot report active time with the person's cookie, by beacon or by fetch", async ({ page, baseURL }) => {
  const { annotator, itemId } = await annotatorWithDraft();
  await signIn(page, annotator, /\/work$/);
  const target = new URL(HEARTBEATS, baseURL).toString();
  const beat = (seconds: number) => JSON.stringify({ kind: "writing", itemId, beatId: randomUUID(), seconds });
  const attacker = await serveOnOtherOrigin(`<!doctype html><html><body><script>
    navigator.sendBeacon(${JSON.stringify(target)}, new Blob([${JSON.stringify(beat(50))}], { type: "application/json" }));
    navigator.sendBeacon(${JSON.stringify(target)}, ${JSON.stringify(beat(51))});
    fetch(${JSON.stringify(target)}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: ${JSON.stringify(beat(52))} });
  </script></body></html>`);
  try {
    const answers: number[] = [];
    page.on("response", (response) => {
      if (response.url() === target) answers.push(response.status());
    });
    await page.goto(attacker.url);
    await page.waitForTimeout(2_000);
    expect(answers.every((status) => status === 403 || status === 415)).toBe(true);
    expect(await recordedSeconds(annotator.id, "writing")).toBe(0);
    expect(await db().activityBeat.count({ where: { userId: annotator.id } })).toBe(0);
  } finally {
    await attacker.close();
  }
});
