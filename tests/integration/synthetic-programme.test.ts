// `escriba seed --synthetic`'s generator on a small scale: every programme table filled, consistent with itself and
// with the rules the app keeps (paid once at first approval, outcomes per decided round, reviewers of the language).
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { seedSyntheticProgramme, type SyntheticProgrammeSummary } from "@/lib/demo/seed-synthetic-programme";
import { getCampaignProgress } from "@/lib/progress/get-campaign-progress";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

const tag = `syn-${randomBytes(3).toString("hex")}`;
let summary: SyntheticProgrammeSummary;
const campaignIds = () => db().campaign.findMany({ where: { slug: { in: summary.campaignSlugs } }, select: { id: true } }).then((rows) => rows.map((row) => row.id));

before(async () => {
  summary = await seedSyntheticProgramme({ items: 3_000, people: 60, months: 12, tag, now: new Date("2026-11-30T12:00:00Z") });
});

test("people, campaigns with quotas and rates, and items spread over twelve months", async () => {
  assert.equal(await db().user.count({ where: { email: { startsWith: `${tag}-` } } }), 61);
  assert.equal(summary.campaignSlugs.length, 6);
  const ids = await campaignIds();
  assert.equal(await db().campaignQuota.count({ where: { campaignId: { in: ids } } }), 6 * 4 * 8);
  assert.equal(await db().item.count({ where: { campaignId: { in: ids } } }), 3_000);
  const [span] = await db().$queryRawUnsafe<{ first: Date; last: Date; months: number }[]>(
    `SELECT min(created_at) AS first, max(created_at) AS last, count(DISTINCT date_trunc('month', created_at))::int AS months
     FROM items WHERE campaign_id = ANY($1::uuid[])`,
    ids,
  );
  assert.ok(span!.months >= 12, `items span ${span!.months} months`);
  assert.ok(span!.last <= new Date("2026-11-30T12:00:00Z"));
});

test("statuses in realistic proportions, every author writing in their own languages", async () => {
  const ids = await campaignIds();
  const rows = await db().item.groupBy({ by: ["status"], where: { campaignId: { in: ids } }, _count: true });
  const share = (status: string) => (rows.find((row) => row.status === status)?._count ?? 0) / 3_000;
  assert.ok(share("approved") > 0.6 && share("approved") < 0.9, `approved ${share("approved")}`);
  for (const status of ["draft", "submitted", "changes_requested", "rejected"]) assert.ok(share(status) > 0, status);
  const [outside] = await db().$queryRawUnsafe<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM items i JOIN users u ON u.id = i.author_id
     WHERE i.campaign_id = ANY($1::uuid[]) AND NOT i.language = ANY(u.languages)`,
    ids,
  );
  assert.equal(outside!.count, 0);
});

test("revisions, reviews and outcomes agree with each item's rounds", async () => {
  const ids = await campaignIds();
  const [check] = await db().$queryRawUnsafe<Record<string, number>[]>(
    `SELECT
       (SELECT count(*) FROM items WHERE campaign_id = ANY($1::uuid[]) AND status IN ('approved', 'retracted')
          AND (approved_revision_id IS NULL OR approved_at IS NULL))::int AS approved_without_revision,
       (SELECT count(*) FROM items i WHERE campaign_id = ANY($1::uuid[])
          AND (SELECT count(*) FROM item_revisions r WHERE r.item_id = i.id) <> i.review_round)::int AS revisions_off,
       (SELECT count(*) FROM reviews r JOIN items i ON i.id = r.item_id WHERE i.campaign_id = ANY($1::uuid[]))::int AS reviews,
       (SELECT count(*) FROM review_outcomes WHERE campaign_id = ANY($1::uuid[]))::int AS outcomes,
       (SELECT count(*) FROM reviews r JOIN items i ON i.id = r.item_id JOIN users u ON u.id = r.reviewer_id
          WHERE i.campaign_id = ANY($1::uuid[]) AND (u.role <> 'reviewer' OR NOT i.language = ANY(u.languages)))::int AS foreign_reviews,
       (SELECT count(*) FROM review_outcomes o JOIN items i ON i.id = o.item_id
          WHERE o.campaign_id = ANY($1::uuid[]) AND o.outcome = 'approved' AND o.decided_at <> i.approved_at)::int AS approvals_off`,
    ids,
  );
  assert.deepEqual(
    { ...check, reviews: check!.reviews! > 2_000, outcomes: check!.outcomes === check!.reviews },
    { approved_without_revision: 0, revisions_off: 0, reviews: true, outcomes: true, foreign_reviews: 0, approvals_off: 0 },
  );
});

test("earnings: each first approval paid once at its campaign's rate, reviews paid where the campaign pays them", async () => {
  const ids = await campaignIds();
  const [check] = await db().$queryRawUnsafe<Record<string, number>[]>(
    `SELECT
       (SELECT count(*) FROM items WHERE campaign_id = ANY($1::uuid[]) AND status IN ('approved', 'retracted'))::int AS approved,
       (SELECT count(*) FROM earnings WHERE campaign_id = ANY($1::uuid[]) AND kind = 'item')::int AS item_lines,
       (SELECT count(*) FROM earnings e JOIN campaigns c ON c.id = e.campaign_id
          WHERE e.campaign_id = ANY($1::uuid[]) AND e.kind = 'item' AND e.amount <> c.rate_per_approved_item)::int AS wrong_rate,
       (SELECT count(*) FROM earnings e JOIN campaigns c ON c.id = e.campaign_id
          WHERE e.campaign_id = ANY($1::uuid[]) AND e.kind = 'review' AND c.rate_per_review IS NULL)::int AS unpaid_campaign_reviews,
       (SELECT count(*) FROM earnings WHERE campaign_id = ANY($1::uuid[]) AND kind = 'review')::int AS review_lines`,
    ids,
  );
  assert.equal(check!.item_lines, check!.approved);
  assert.equal(check!.wrong_rate, 0);
  assert.equal(check!.unpaid_campaign_reviews, 0);
  assert.ok(check!.review_lines! > 0);
});

test("active time for writing and reviewing, by the hour", async () => {
  const ids = await campaignIds();
  const rows = await db().$queryRawUnsafe<{ kind: string; hours: number; seconds: number }[]>(
    `SELECT a.kind::text AS kind, count(*)::int AS hours, sum(a.active_seconds)::int AS seconds
     FROM active_time a JOIN items i ON i.id = a.item_id WHERE i.campaign_id = ANY($1::uuid[]) GROUP BY a.kind ORDER BY a.kind`,
    ids,
  );
  assert.deepEqual(rows.map((row) => row.kind), ["writing", "reviewing"]);
  assert.ok(rows.every((row) => row.hours > 1_000 && row.seconds > row.hours * 30));
});

test("its campaigns show progress with some cells full and others not, and a tag is used once", async () => {
  const [id] = await campaignIds();
  const maintainer = viewerOf(await createTestUser("maintainer", ["es", "ca", "eu", "gl"]));
  const progress = await getCampaignProgress(maintainer, { id: id! }, { now: new Date("2026-11-30T12:00:00Z") });
  assert.ok(progress.total.approved > 0);
  assert.ok(progress.cells.some((cell) => cell.remaining === 0));
  assert.ok(progress.cells.some((cell) => cell.remaining! > 0));
  await assert.rejects(seedSyntheticProgramme({ items: 10, tag }), (error) => error instanceof AppError && error.code === "conflict");
});
