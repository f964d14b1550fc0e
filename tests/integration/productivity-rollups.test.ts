// The productivity report reads daily roll-ups that triggers keep beside every write. These tests hold the roll-ups
// to the sums of their sources, computed here independently, over a synthetic programme written by plain SQL (so
// every trigger fires), after a draft with counted hours is deleted, after a rebuild, and after the programme's time
// zone changes.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Viewer } from "@/lib/auth/viewer";
import { db, disconnectDb } from "@/lib/db";
import { seedSyntheticProgramme } from "@/lib/demo/seed-synthetic-programme";
import { deleteDraft } from "@/lib/items/delete-draft";
import { retractItem } from "@/lib/items/retract-item";
import { syncProgrammeTimeZone } from "@/lib/productivity/day-rollups";
import { productivityReport } from "@/lib/productivity/productivity-report";
import { useOwnDatabase } from "@/tests/support/test-databases";

let database: Awaited<ReturnType<typeof useOwnDatabase>>;
const maintainer: Viewer = { id: "", email: "", name: "", role: "maintainer", languages: [], uiLocale: null, authenticatedBy: "cli" };

before(async () => {
  database = await useOwnDatabase("rollups");
  await seedSyntheticProgramme({ items: 1_500, people: 40, months: 3, tag: "roll", now: new Date("2026-11-30T12:00:00Z") });
  const [someone] = await db().user.findMany({ where: { role: "maintainer" }, take: 1 });
  maintainer.id = someone!.id;
});
after(async () => {
  await disconnectDb();
  await database.drop();
});

/** Every day's figures of every person and campaign, from the source tables, cut by local days of `zone`. */
const FROM_SOURCES = `
  SELECT user_id, day, campaign_id, sum(submitted) AS submitted, sum(approved) AS approved, sum(sent_back) AS sent_back,
         sum(rejected) AS rejected, sum(first_round) AS first_round, sum(first_round_approved) AS first_round_approved,
         sum(writing) AS writing, sum(approve) AS approve, sum(request_changes) AS request_changes, sum(reject) AS reject,
         sum(reviewing) AS reviewing, sum(retracted) AS retracted
  FROM (
    SELECT r.author_id AS user_id, (r.created_at AT TIME ZONE $1)::date AS day, i.campaign_id, 1 AS submitted, 0 AS approved,
           0 AS sent_back, 0 AS rejected, 0 AS first_round, 0 AS first_round_approved, 0 AS writing, 0 AS approve,
           0 AS request_changes, 0 AS reject, 0 AS reviewing, 0 AS retracted
    FROM item_revisions r JOIN items i ON i.id = r.item_id WHERE r.kind = 'submission'
    UNION ALL
    SELECT author_id, (decided_at AT TIME ZONE $1)::date, campaign_id, 0, (outcome = 'approved')::int,
           (outcome = 'changes_requested')::int, (outcome = 'rejected')::int, (round = 1)::int,
           (round = 1 AND outcome = 'approved')::int, 0, 0, 0, 0, 0, 0
    FROM review_outcomes
    UNION ALL
    SELECT r.reviewer_id, (r.created_at AT TIME ZONE $1)::date, i.campaign_id, 0, 0, 0, 0, 0, 0, 0,
           (r.decision = 'approve')::int, (r.decision = 'request_changes')::int, (r.decision = 'reject')::int, 0, 0
    FROM reviews r JOIN items i ON i.id = r.item_id
    UNION ALL
    SELECT a.user_id, (a.hour AT TIME ZONE $1)::date, i.campaign_id, 0, 0, 0, 0, 0, 0,
           CASE a.kind WHEN 'writing' THEN a.active_seconds ELSE 0 END, 0, 0, 0,
           CASE a.kind WHEN 'reviewing' THEN a.active_seconds ELSE 0 END, 0
    FROM active_time a JOIN items i ON i.id = a.item_id
    UNION ALL
    SELECT e.user_id, (e.earned_at AT TIME ZONE $1)::date, e.campaign_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
    FROM earnings e JOIN items i ON i.id = e.subject_id WHERE e.kind = 'item' AND i.status = 'retracted'
  ) AS events
  GROUP BY 1, 2, 3`;

const FROM_ROLLUPS = `
  SELECT coalesce(a.user_id, r.user_id) AS user_id, coalesce(a.day, r.day) AS day, coalesce(a.campaign_id, r.campaign_id) AS campaign_id,
         coalesce(a.submitted, 0) AS submitted, coalesce(a.approved, 0) AS approved, coalesce(a.sent_back, 0) AS sent_back,
         coalesce(a.rejected, 0) AS rejected, coalesce(a.first_pass_decided, 0) AS first_round,
         coalesce(a.first_pass_approved, 0) AS first_round_approved, coalesce(a.writing_seconds, 0) AS writing,
         coalesce(r.approve, 0) AS approve, coalesce(r.request_changes, 0) AS request_changes, coalesce(r.reject, 0) AS reject,
         coalesce(r.reviewing_seconds, 0) AS reviewing, coalesce(a.retracted_paid_items, 0) AS retracted
  FROM (SELECT * FROM productivity_author_days WHERE NOT whole_month) a
  FULL JOIN (SELECT * FROM productivity_reviewer_days WHERE NOT whole_month) r
    ON r.user_id = a.user_id AND r.day = a.day AND r.campaign_id = a.campaign_id`;

const NOT_ZERO = `(submitted, approved, sent_back, rejected, first_round, writing, approve, request_changes, reject, reviewing, retracted)
  <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`;

/** Rows where the roll-ups and the sources disagree, either way (all-zero days count as absent). */
async function disagreements(zone: string) {
  const differences = await db().$queryRawUnsafe<Record<string, unknown>[]>(
    `(SELECT 'sources' AS side, * FROM (${FROM_SOURCES}) s WHERE ${NOT_ZERO}
        EXCEPT SELECT 'sources', * FROM (${FROM_ROLLUPS}) d WHERE ${NOT_ZERO})
     UNION ALL
     (SELECT 'roll-ups', * FROM (${FROM_ROLLUPS}) d WHERE ${NOT_ZERO}
        EXCEPT SELECT 'roll-ups', * FROM (${FROM_SOURCES}) s WHERE ${NOT_ZERO})
     LIMIT 5`,
    zone,
  );
  const earnings = await db().$queryRawUnsafe<Record<string, unknown>[]>(
    `(SELECT user_id, (earned_at AT TIME ZONE $1)::date AS day, campaign_id, kind, currency, sum(amount) AS amount FROM earnings GROUP BY 1, 2, 3, 4, 5
        EXCEPT SELECT user_id, day, campaign_id, kind, currency, amount_cents / 100.0 FROM productivity_earning_days WHERE NOT whole_month)
     UNION ALL
     (SELECT user_id, day, campaign_id, kind, currency, amount_cents / 100.0 FROM productivity_earning_days WHERE NOT whole_month
        EXCEPT SELECT user_id, (earned_at AT TIME ZONE $1)::date, campaign_id, kind, currency, sum(amount) FROM earnings GROUP BY 1, 2, 3, 4, 5)
     LIMIT 5`,
    zone,
  );
  // Each month row is the sum of its days, and everyone's days the sum of the people's.
  const months = await db().$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT * FROM (
       SELECT 'author' AS t, user_id, date_trunc('month', day)::date AS month, campaign_id,
              sum(CASE WHEN whole_month THEN -1 ELSE 1 END * (submitted + 3 * approved + 5 * sent_back + 7 * rejected + 11 * first_pass_decided
                  + 13 * first_pass_approved + 17 * writing_seconds + 19 * retracted_paid_items)) AS difference
       FROM productivity_author_days GROUP BY 2, 3, 4
       UNION ALL
       SELECT 'reviewer', user_id, date_trunc('month', day)::date, campaign_id,
              sum(CASE WHEN whole_month THEN -1 ELSE 1 END * (approve + 3 * request_changes + 5 * reject + 7 * reviewing_seconds))
       FROM productivity_reviewer_days GROUP BY 2, 3, 4
       UNION ALL
       SELECT 'earning ' || kind || currency, user_id, date_trunc('month', day)::date, campaign_id,
              sum(CASE WHEN whole_month THEN -1 ELSE 1 END * amount_cents)
       FROM productivity_earning_days GROUP BY 1, 2, 3, 4
     ) m WHERE difference <> 0 LIMIT 5`,
  );
  const programme = await db().$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT day, campaign_id, sum(approved) AS approved, sum(reviews) AS reviews, sum(writing) AS writing, sum(reviewing) AS reviewing
     FROM (
       SELECT day, campaign_id, approved, 0 AS reviews, writing_seconds AS writing, 0 AS reviewing FROM productivity_author_days WHERE NOT whole_month
       UNION ALL
       SELECT day, campaign_id, 0, approve + request_changes + reject, 0, reviewing_seconds FROM productivity_reviewer_days WHERE NOT whole_month
       UNION ALL
       SELECT day, campaign_id, -approved, -reviews, -writing_seconds, -reviewing_seconds FROM productivity_programme_days
     ) x GROUP BY 1, 2 HAVING (sum(approved), sum(reviews), sum(writing), sum(reviewing)) <> (0, 0, 0, 0) LIMIT 5`,
  );
  return [...differences, ...earnings, ...months, ...programme];
}

test("the roll-ups the triggers kept equal the sums of their sources, day by day", async () => {
  const [counts] = await db().$queryRawUnsafe<{ days: number; earnings: number }[]>(
    `SELECT (SELECT count(*) FROM productivity_author_days WHERE NOT whole_month)::int AS days,
            (SELECT count(*) FROM productivity_earning_days WHERE NOT whole_month)::int AS earnings`,
  );
  assert.ok(counts!.days > 100 && counts!.earnings > 100, `roll-up rows: ${JSON.stringify(counts)}`);
  assert.deepEqual(await disagreements("Europe/Madrid"), []);
});

test("a period of part months and whole months gives each person the sums of their sources", async () => {
  const range = { from: "2026-09-15", to: "2026-11-20" };
  const report = await productivityReport(maintainer, range);
  const expected = await db().$queryRawUnsafe<{ user_id: string; submitted: number; approved: number; writing: number; reviews: number }[]>(
    `SELECT user_id, sum(submitted)::int AS submitted, sum(approved)::int AS approved, sum(writing)::int AS writing,
            sum(approve + request_changes + reject)::int AS reviews
     FROM (${FROM_SOURCES}) s WHERE day BETWEEN $2::date AND $3::date GROUP BY user_id
     HAVING sum(submitted) + sum(approved) + sum(writing) + sum(approve + request_changes + reject) + sum(sent_back) + sum(rejected)
            + sum(reviewing) + sum(retracted) > 0`,
    "Europe/Madrid",
    range.from,
    range.to,
  );
  assert.ok(expected.length > 20, `${expected.length} people active in the period`);
  const reported = new Map(report.people.map((person) => [person.userId, person]));
  for (const row of expected) {
    const person = reported.get(row.user_id);
    assert.ok(person, `person ${row.user_id} is in the report`);
    const reviews = person.reviews.approve + person.reviews.requestChanges + person.reviews.reject;
    assert.deepEqual(
      { submitted: person.submitted, approved: person.approved, writing: person.writingSeconds, reviews },
      { submitted: row.submitted, approved: row.approved, writing: row.writing, reviews: row.reviews },
    );
  }
  assert.equal(report.people.length, expected.length);
  const approvedPerDay = report.days.reduce((sum, day) => sum + day.approved, 0);
  assert.equal(approvedPerDay, report.totals.approved);
});

test("deleting a draft takes its counted hours out of its author's day", async () => {
  const [draft] = await db().$queryRawUnsafe<{ id: string; version: number; author_id: string; seconds: number }[]>(
    `SELECT i.id, i.version, i.author_id, sum(a.active_seconds)::int AS seconds
     FROM items i JOIN active_time a ON a.item_id = i.id AND a.kind = 'writing'
     WHERE i.status = 'draft' AND i.review_round = 0 GROUP BY i.id LIMIT 1`,
  );
  assert.ok(draft, "the synthetic programme has a never-submitted draft with hours");
  const author = await db().user.findUniqueOrThrow({ where: { id: draft.author_id } });
  const writingSeconds = async () =>
    (await db().$queryRawUnsafe<{ seconds: number }[]>(`SELECT coalesce(sum(writing_seconds), 0)::int AS seconds FROM productivity_author_days WHERE NOT whole_month AND user_id = $1::uuid`, draft.author_id))[0]!
      .seconds;
  const before = await writingSeconds();
  await deleteDraft({ ...author, uiLocale: null, authenticatedBy: "session" }, draft.id, draft.version);
  assert.equal(await writingSeconds(), before - draft.seconds);
  assert.deepEqual(await disagreements("Europe/Madrid"), []);
});

test("retracting a paid item counts it on the day it was earned, and the earning stays", async () => {
  const [paid] = await db().$queryRawUnsafe<{ id: string; version: number; user_id: string; day: string; amount: string }[]>(
    `SELECT i.id, i.version, e.user_id, (e.earned_at AT TIME ZONE 'Europe/Madrid')::date::text AS day, e.amount::text
     FROM items i JOIN earnings e ON e.kind = 'item' AND e.subject_id = i.id WHERE i.status = 'approved' LIMIT 1`,
  );
  assert.ok(paid, "the synthetic programme has a paid, approved item");
  const day = { from: paid.day, to: paid.day };
  const figuresOf = async () => (await productivityReport(maintainer, { ...day, user: paid.user_id })).people[0]!;
  const before = await figuresOf();
  await retractItem(maintainer, paid.id, { reason: "Copied from a published source." });
  const after = await figuresOf();
  assert.equal(after.retractedPaidItems, before.retractedPaidItems + 1);
  assert.deepEqual(after.itemEarnings, before.itemEarnings);
  assert.deepEqual(await disagreements("Europe/Madrid"), []);
});

test("a rebuild from the sources gives exactly the rows the triggers kept", async () => {
  const snapshot = () =>
    db().$queryRawUnsafe<unknown[]>(
      `SELECT 'a' AS t, to_jsonb(a) AS r FROM productivity_author_days a WHERE (submitted, approved, sent_back, rejected, writing_seconds, retracted_paid_items) <> (0, 0, 0, 0, 0, 0)
       UNION ALL SELECT 'r', to_jsonb(r) FROM productivity_reviewer_days r
       UNION ALL SELECT 'e', to_jsonb(e) FROM productivity_earning_days e
       UNION ALL SELECT 'p', to_jsonb(p) FROM (
         SELECT day, campaign_id, sum(approved) AS approved, sum(reviews) AS reviews, sum(writing_seconds) AS writing_seconds,
                sum(reviewing_seconds) AS reviewing_seconds
         FROM productivity_programme_days GROUP BY 1, 2 HAVING (sum(approved), sum(reviews), sum(writing_seconds), sum(reviewing_seconds)) <> (0, 0, 0, 0)
       ) p
       ORDER BY 1, 2`,
    );
  const kept = await snapshot();
  await db().$executeRawUnsafe(`SELECT rebuild_productivity_days()`);
  assert.deepEqual(await snapshot(), kept);
});

test("a new programme time zone rebuilds the days in it, and the report follows", async () => {
  const month = { from: "2026-10-01", to: "2026-10-31" };
  const madrid = await productivityReport(maintainer, month);
  assert.deepEqual(await syncProgrammeTimeZone(database.url, "Europe/Madrid"), { rebuilt: false });

  assert.deepEqual(await syncProgrammeTimeZone(database.url, "America/Los_Angeles"), { rebuilt: true });
  assert.deepEqual(await disagreements("America/Los_Angeles"), []);
  const [moved] = await db().$queryRawUnsafe<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM review_outcomes
     WHERE (decided_at AT TIME ZONE 'Europe/Madrid')::date <> (decided_at AT TIME ZONE 'America/Los_Angeles')::date`,
  );
  assert.ok(moved!.count > 0, "some decisions fall on another day in Los Angeles");
  const losAngeles = await productivityReport(maintainer, month);
  assert.notDeepEqual(
    losAngeles.days.map((day) => day.approved),
    madrid.days.map((day) => day.approved),
  );

  assert.deepEqual(await syncProgrammeTimeZone(database.url, "Europe/Madrid"), { rebuilt: true });
  assert.deepEqual(await productivityReport(maintainer, month), madrid);
});

test("a time zone PostgreSQL does not know stops the start with the setting's name", async () => {
  await assert.rejects(syncProgrammeTimeZone(database.url, "Mars/Olympus_Mons"), /ESCRIBA_PROGRAMME_TIME_ZONE/);
  const [settings] = await db().$queryRawUnsafe<{ time_zone: string }[]>(`SELECT time_zone FROM programme_settings`);
  assert.equal(settings!.time_zone, "Europe/Madrid");
});
