// Campaign progress against PostgreSQL: the status buckets, totals, remaining never below 0, the burn-up series in the
// programme's time zone, the projection, what non-maintainers may see, and the campaigns nobody may see.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getCampaignProgress } from "@/lib/progress/get-campaign-progress";
import { listCellsToSteer } from "@/lib/progress/list-cells-to-steer";
import type { CampaignView } from "@/lib/campaigns/schemas";
import type { ItemCategory, ItemLanguage, ItemStatus } from "@/lib/vocabulary";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser, type TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

const isCode = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

let campaign: CampaignView;
let author: TestUser;

async function addItems(
  count: number,
  item: { language: ItemLanguage; category: ItemCategory; status: ItemStatus; approvedAt?: string; retractedAt?: string },
  campaignId = campaign.id,
) {
  for (let n = 0; n < count; n++) {
    await db().item.create({
      data: {
        campaignId,
        authorId: author.id,
        language: item.language,
        category: item.category,
        status: item.status,
        approvedAt: item.approvedAt ? new Date(item.approvedAt) : null,
        retractedAt: item.retractedAt ? new Date(item.retractedAt) : null,
      },
    });
  }
}

const NOW = new Date("2026-11-30T10:00:00Z");

before(async () => {
  campaign = await createTestCampaign({ languages: ["es", "eu", "gl"] });
  author = await createTestUser("annotator", ["gl"]);
  await db().campaign.update({ where: { id: campaign.id }, data: { createdAt: new Date("2026-11-01T08:00:00Z") } });
  await db().campaignQuota.createMany({
    data: [
      { campaignId: campaign.id, language: "gl", category: "open_qa", target: 10 },
      { campaignId: campaign.id, language: "gl", category: "closed_qa", target: 2 },
      { campaignId: campaign.id, language: "es", category: "open_qa", target: 4 },
    ],
  });
  // gl/open_qa: 3 approved (one at 23:30 UTC, already the next day in Madrid), 2 in review, 3 drafts, 2 rejected,
  // and 1 approved then retracted.
  await addItems(1, { language: "gl", category: "open_qa", status: "approved", approvedAt: "2026-11-20T23:30:00Z" });
  await addItems(2, { language: "gl", category: "open_qa", status: "approved", approvedAt: "2026-11-25T09:00:00Z" });
  await addItems(1, {
    language: "gl",
    category: "open_qa",
    status: "retracted",
    approvedAt: "2026-11-10T09:00:00Z",
    retractedAt: "2026-11-26T09:00:00Z",
  });
  await addItems(2, { language: "gl", category: "open_qa", status: "submitted" });
  await addItems(2, { language: "gl", category: "open_qa", status: "draft" });
  await addItems(1, { language: "gl", category: "open_qa", status: "changes_requested" });
  await addItems(2, { language: "gl", category: "open_qa", status: "rejected" });
  // gl/closed_qa overfilled: 2 approved + 1 in review against a target of 2.
  await addItems(2, { language: "gl", category: "closed_qa", status: "approved", approvedAt: "2026-11-28T09:00:00Z" });
  await addItems(1, { language: "gl", category: "closed_qa", status: "submitted" });
  // es/open_qa: 1 approved long ago (outside the 14-day window); eu/brainstorming (no quota): 1 draft.
  await addItems(1, { language: "es", category: "open_qa", status: "approved", approvedAt: "2026-11-02T09:00:00Z" });
  await addItems(1, { language: "eu", category: "brainstorming", status: "draft" });
});

const maintainer = async () => viewerOf(await createTestUser("maintainer", ["es", "ca", "eu", "gl"]));

describe("the grid", () => {
  test("counts each status bucket per cell", async () => {
    const progress = await getCampaignProgress(await maintainer(), { id: campaign.id }, { now: NOW });
    const cell = progress.cells.find((entry) => entry.language === "gl" && entry.category === "open_qa");
    assert.deepEqual(cell, {
      language: "gl",
      category: "open_qa",
      target: 10,
      approved: 3,
      inReview: 2,
      drafts: 3,
      remaining: 5,
      percentDone: 30,
    });
    const noQuota = progress.cells.find((entry) => entry.language === "eu" && entry.category === "brainstorming")!;
    assert.deepEqual([noQuota.target, noQuota.drafts, noQuota.remaining, noQuota.percentDone], [null, 1, null, null]);
    assert.equal(progress.cells.length, 3 * 8);
  });

  test("remaining never goes below 0 when approved and in-review items pass the target", async () => {
    const progress = await getCampaignProgress(await maintainer(), { id: campaign.id }, { now: NOW });
    const cell = progress.cells.find((entry) => entry.language === "gl" && entry.category === "closed_qa")!;
    assert.deepEqual([cell.approved, cell.inReview, cell.remaining, cell.percentDone], [2, 1, 0, 100]);
  });

  test("totals per language, per category and overall", async () => {
    const progress = await getCampaignProgress(await maintainer(), { id: campaign.id }, { now: NOW });
    assert.deepEqual(progress.languages, ["es", "eu", "gl"]);
    const gl = progress.languageTotals.find((entry) => entry.language === "gl")!;
    assert.deepEqual(gl, { language: "gl", target: 12, approved: 5, inReview: 3, drafts: 3, remaining: 5, percentDone: 41.7 });
    const openQa = progress.categoryTotals.find((entry) => entry.category === "open_qa")!;
    assert.deepEqual([openQa.target, openQa.approved, openQa.remaining], [14, 4, 8]);
    assert.deepEqual(progress.total, { target: 16, approved: 6, inReview: 3, drafts: 4, remaining: 8, percentDone: 37.5 });
  });
});

describe("burn-up, rate and projection", () => {
  test("approvals per day in the programme's zone, cumulative, a retraction taken off on its day", async () => {
    const progress = await getCampaignProgress(await maintainer(), { id: campaign.id }, { now: NOW });
    assert.equal(progress.burnUp.target, 16);
    const at = (day: string) => progress.burnUp.days.find((entry) => entry.day === day)?.approved;
    assert.equal(progress.burnUp.days[0]!.day, "2026-11-01");
    assert.equal(progress.burnUp.days.at(-1)!.day, "2026-11-30");
    assert.equal(progress.burnUp.days.length, 30);
    assert.deepEqual(
      ["2026-11-01", "2026-11-02", "2026-11-10", "2026-11-20", "2026-11-21", "2026-11-25", "2026-11-26", "2026-11-28", "2026-11-30"].map(at),
      [0, 1, 2, 2, 3, 5, 4, 6, 6],
    );
    assert.equal(progress.burnUp.days.at(-1)!.approved, progress.total.approved);
  });

  test("the 14-day rate and the day the targets are met at that rate", async () => {
    const progress = await getCampaignProgress(await maintainer(), { id: campaign.id }, { now: NOW });
    // 17–30 November: 1 (21st) + 2 (25th) + 2 (28th) = 5 approvals; shortfall 7 + 0 + 3 = 10 → ceil(10 × 14 / 5) = 28 days.
    assert.deepEqual(progress.rate, { windowDays: 14, approvedInWindow: 5, perDay: 0.36 });
    assert.equal(progress.shortfall, 10);
    assert.equal(progress.projectedCompletion, "2026-12-28");
  });

  test("no projection when nothing was approved in the window", async () => {
    const progress = await getCampaignProgress(await maintainer(), { id: campaign.id }, { now: new Date("2027-03-01T10:00:00Z") });
    assert.equal(progress.rate.approvedInWindow, 0);
    assert.equal(progress.projectedCompletion, null);
  });
});

describe("who sees what", () => {
  test("an annotator sees only their languages' rows and totals", async () => {
    const annotator = viewerOf(await createTestUser("annotator", ["gl", "ca"]));
    const progress = await getCampaignProgress(annotator, { id: campaign.id }, { now: NOW });
    assert.deepEqual(progress.languages, ["gl"]);
    assert.ok(progress.cells.every((cell) => cell.language === "gl"));
    assert.deepEqual(progress.languageTotals.map((entry) => entry.language), ["gl"]);
    assert.deepEqual([progress.total.target, progress.total.approved], [12, 5]);
    assert.equal(progress.burnUp.days.at(-1)!.approved, 5);
  });

  test("a reviewer sees their languages too, by slug as the page asks", async () => {
    const reviewer = viewerOf(await createTestUser("reviewer", ["es", "eu"]));
    const progress = await getCampaignProgress(reviewer, { slug: campaign.slug }, { now: NOW });
    assert.deepEqual(progress.languages, ["es", "eu"]);
    assert.equal(progress.total.approved, 1);
  });

  test("someone with none of the campaign's languages is refused (403)", async () => {
    const outsider = viewerOf(await createTestUser("annotator", ["ca"]));
    await assert.rejects(getCampaignProgress(outsider, { id: campaign.id }), isCode("forbidden"));
  });

  test("an unknown campaign, or one not yet opened, is not found (404) except for maintainers", async () => {
    const annotator = viewerOf(await createTestUser("annotator", ["gl"]));
    await assert.rejects(getCampaignProgress(annotator, { id: "00000000-0000-4000-8000-000000000000" }), isCode("not_found"));
    const unopened = await createTestCampaign({ languages: ["gl"] });
    await db().campaign.update({ where: { id: unopened.id }, data: { status: "draft" } });
    await assert.rejects(getCampaignProgress(annotator, { id: unopened.id }), isCode("not_found"));
    const progress = await getCampaignProgress(await maintainer(), { id: unopened.id });
    assert.equal(progress.campaign.status, "draft");
  });
});

describe("the counters progress is read from", () => {
  test("follow an item through submission, approval, retraction and deletion, and ignore text saves", async () => {
    const own = await createTestCampaign({ languages: ["gl"] });
    await db().campaign.update({ where: { id: own.id }, data: { createdAt: new Date("2026-11-01T08:00:00Z") } });
    const read = async () => {
      const progress = await getCampaignProgress(await maintainer(), { id: own.id }, { now: NOW });
      const cell = progress.cells.find((entry) => entry.language === "gl" && entry.category === "open_qa")!;
      return [cell.drafts, cell.inReview, cell.approved, progress.burnUp.days.at(-1)!.approved];
    };
    const item = await db().item.create({ data: { campaignId: own.id, authorId: author.id, language: "gl", category: "open_qa" } });
    assert.deepEqual(await read(), [1, 0, 0, 0]);
    await db().item.update({ where: { id: item.id }, data: { instruction: "Unha pregunta", version: { increment: 1 } } });
    await db().item.update({ where: { id: item.id }, data: { status: "submitted" } });
    assert.deepEqual(await read(), [0, 1, 0, 0]);
    await db().item.update({ where: { id: item.id }, data: { status: "approved", approvedAt: new Date("2026-11-29T10:00:00Z") } });
    assert.deepEqual(await read(), [0, 0, 1, 1]);
    await db().item.update({ where: { id: item.id }, data: { status: "retracted", retractedAt: new Date("2026-11-30T08:00:00Z") } });
    assert.deepEqual(await read(), [0, 0, 0, 0]);
    await db().item.delete({ where: { id: item.id } });
    const [left] = await db().$queryRawUnsafe<{ items: number; approvals: number }[]>(
      `SELECT (SELECT coalesce(sum(items), 0) FROM campaign_cell_counts WHERE campaign_id = $1::uuid)::int AS items,
              (SELECT coalesce(sum(approved - retracted), 0) FROM campaign_approval_hours WHERE campaign_id = $1::uuid)::int AS approvals`,
      own.id,
    );
    assert.deepEqual(left, { items: 0, approvals: 0 });
  });
});

describe("the counters, for statements that write many items at once", () => {
  /** The cells and approval hours as counted from the items themselves, and as the counters hold them. */
  async function countedAndHeld(campaignId: string) {
    const cells = (from: string) => db().$queryRawUnsafe<unknown[]>(from, campaignId);
    return Promise.all([
      cells(`SELECT language::text, category::text, status::text, count(*)::int AS items FROM items
              WHERE campaign_id = $1::uuid GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
      cells(`SELECT language::text, category::text, status::text, items FROM campaign_cell_counts
              WHERE campaign_id = $1::uuid AND items <> 0 ORDER BY 1, 2, 3`),
      cells(`SELECT language::text, hour, sum(approved)::int AS approved, sum(retracted)::int AS retracted FROM (
               SELECT language, date_trunc('hour', approved_at, 'UTC') AS hour, 1 AS approved, 0 AS retracted FROM items
                WHERE campaign_id = $1::uuid AND approved_at IS NOT NULL
               UNION ALL
               SELECT language, date_trunc('hour', retracted_at, 'UTC'), 0, 1 FROM items
                WHERE campaign_id = $1::uuid AND approved_at IS NOT NULL AND retracted_at IS NOT NULL) AS events
              GROUP BY 1, 2 ORDER BY 1, 2`),
      cells(`SELECT language::text, hour, approved, retracted FROM campaign_approval_hours
              WHERE campaign_id = $1::uuid AND (approved <> 0 OR retracted <> 0) ORDER BY 1, 2`),
    ]);
  }
  async function assertCountersAgree(campaignId: string) {
    const [cells, heldCells, hours, heldHours] = await countedAndHeld(campaignId);
    assert.deepEqual(heldCells, cells);
    assert.deepEqual(heldHours, hours);
    return { cells: cells.length, hours: hours.length };
  }

  test("inserts, updates mixing status and text changes, and deletes of hundreds of rows each keep the counters exact", async () => {
    const own = await createTestCampaign({ languages: ["gl", "eu"] });
    await db().$executeRaw`
      INSERT INTO items (id, campaign_id, author_id, language, category, status, instruction, response, similarity_keys,
                         review_round, submitted_at, created_at, updated_at, version)
      SELECT gen_random_uuid(), ${own.id}::uuid, ${author.id}::uuid, (CASE WHEN n % 3 = 0 THEN 'eu' ELSE 'gl' END)::"Language",
             (CASE WHEN n % 2 = 0 THEN 'open_qa' ELSE 'brainstorming' END)::"Category",
             (CASE WHEN n % 4 = 0 THEN 'draft' ELSE 'submitted' END)::"ItemStatus", 'Pregunta ' || n, 'Resposta ' || n, '{}',
             1, now(), now(), now(), 1
        FROM generate_series(1, 300) AS n`;
    // Two languages × (open questions as drafts and in review, brainstorming in review).
    assert.deepEqual(await assertCountersAgree(own.id), { cells: 6, hours: 0 });

    // One statement approves some items over five hours and only edits the text of others.
    await db().$executeRaw`
      UPDATE items SET
        status = CASE WHEN status = 'submitted' AND right(instruction, 1) IN ('1', '2', '3') THEN 'approved'::"ItemStatus" ELSE status END,
        approved_at = CASE WHEN status = 'submitted' AND right(instruction, 1) IN ('1', '2', '3')
                           THEN timestamptz '2026-11-29 08:00Z' + (length(instruction) % 5) * interval '1 hour' END,
        instruction = instruction || ' (revisada)'
       WHERE campaign_id = ${own.id}::uuid`;
    const afterApproval = await assertCountersAgree(own.id);
    assert.ok(afterApproval.cells > 6 && afterApproval.hours > 1, JSON.stringify(afterApproval));

    await db().$executeRaw`
      UPDATE items SET status = 'retracted', retracted_at = timestamptz '2026-11-30 09:30Z'
       WHERE campaign_id = ${own.id}::uuid AND status = 'approved' AND language = 'gl'`;
    await assertCountersAgree(own.id);

    await db().$executeRaw`DELETE FROM items WHERE campaign_id = ${own.id}::uuid AND (status = 'retracted' OR right(response, 1) = '7')`;
    await assertCountersAgree(own.id);
    await db().$executeRaw`DELETE FROM items WHERE campaign_id = ${own.id}::uuid`;
    assert.deepEqual(await assertCountersAgree(own.id), { cells: 0, hours: 0 });
  });
});

describe("steering writers", () => {
  test("the most needed cell of the writer's languages comes first, full cells last", async () => {
    const steered = await createTestCampaign({ languages: ["gl", "eu"] });
    await db().campaign.update({ where: { id: steered.id }, data: { categories: ["open_qa", "closed_qa", "summarization", "brainstorming"] } });
    await db().campaignQuota.createMany({
      data: [
        { campaignId: steered.id, language: "gl", category: "open_qa", target: 3 },
        { campaignId: steered.id, language: "gl", category: "closed_qa", target: 8 },
        { campaignId: steered.id, language: "gl", category: "summarization", target: 20 },
        { campaignId: steered.id, language: "eu", category: "summarization", target: 500 },
      ],
    });
    // closed_qa: 8 − 2 approved − 2 in review = 4; summarization: 20 − 12 in review − 4 approved = 4 but 20 % done
    // against closed_qa's 25 %; open_qa: 3 approved, full.
    await addItems(2, { language: "gl", category: "closed_qa", status: "approved", approvedAt: "2026-11-20T10:00:00Z" }, steered.id);
    await addItems(2, { language: "gl", category: "closed_qa", status: "submitted" }, steered.id);
    await addItems(4, { language: "gl", category: "summarization", status: "approved", approvedAt: "2026-11-20T10:00:00Z" }, steered.id);
    await addItems(12, { language: "gl", category: "summarization", status: "submitted" }, steered.id);
    await addItems(3, { language: "gl", category: "open_qa", status: "approved", approvedAt: "2026-11-20T10:00:00Z" }, steered.id);
    await addItems(5, { language: "gl", category: "closed_qa", status: "draft" }, steered.id);

    const writer = viewerOf(await createTestUser("annotator", ["gl"]));
    const cells = (await listCellsToSteer(writer)).filter((cell) => cell.campaignId === steered.id);
    assert.deepEqual(
      cells.map((cell) => [cell.language, cell.category, cell.state, cell.remaining]),
      [
        ["gl", "summarization", "needed", 4],
        ["gl", "closed_qa", "needed", 4],
        ["gl", "brainstorming", "open", null],
        ["gl", "open_qa", "full", 0],
      ],
    );

    // A maintainer writes in their own languages too, in active campaigns only.
    const basqueOnly = await createTestCampaign({ languages: ["eu"] });
    const closed = await createTestCampaign({ languages: ["gl"] });
    await db().campaign.update({ where: { id: closed.id }, data: { status: "closed" } });
    const maintainerCells = await listCellsToSteer(viewerOf(await createTestUser("maintainer", ["gl"])));
    assert.deepEqual(
      maintainerCells.filter((cell) => cell.campaignId === steered.id).map((cell) => [cell.language, cell.category, cell.state, cell.remaining]),
      cells.map((cell) => [cell.language, cell.category, cell.state, cell.remaining]),
    );
    assert.ok(maintainerCells.every((cell) => cell.language === "gl" && cell.campaignId !== basqueOnly.id && cell.campaignId !== closed.id));
  });
});
