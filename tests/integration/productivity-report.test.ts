// The productivity report against PostgreSQL: every count, the programme's time zone at a month's edge, who may see
// whose figures, the campaign filter and bad input. Facts are written with the exact instants each test needs.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toAppError } from "@/lib/http/error-response";
import { dateIn } from "@/lib/productivity/period";
import { productivityReport } from "@/lib/productivity/productivity-report";
import type { CampaignView } from "@/lib/campaigns/schemas";
import { reviewItem, submitItemWithText } from "@/tests/support/seed-approved-items";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { activeTime, earning, outcome, review, submittedItem } from "@/tests/support/seed-productivity";
import { createTestUser, type TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

let campaignA: CampaignView;
let campaignB: CampaignView;
before(async () => {
  [campaignA, campaignB] = await Promise.all([createTestCampaign({ languages: ["es"] }), createTestCampaign({ languages: ["es"] })]);
});

const NOVEMBER_2025 = { from: "2025-11-01", to: "2025-11-30" };
const fieldsOf = (error: unknown) => toAppError(error)?.fields.map((problem) => problem.field) ?? [];

describe("the figures of one person's month", () => {
  let annotator: TestUser;
  let reviewer: TestUser;
  before(async () => {
    annotator = await createTestUser("annotator", ["es"], "writer");
    reviewer = await createTestUser("reviewer", ["es"], "checker");
    const a = campaignA.id;
    const first = await submittedItem(annotator, a, "2025-11-03T09:00:00Z");
    const second = await submittedItem(annotator, a, "2025-11-04T09:00:00Z");
    const third = await submittedItem(annotator, a, "2025-11-05T09:00:00Z");
    await submittedItem(annotator, a, "2025-10-31T22:59:00Z"); // 23:59 on 31 October in Madrid: not November
    // first: approved at once and paid, retracted later; second: sent back, then approved (paid once); third: rejected.
    await outcome(first, annotator, a, 1, "approved", "2025-11-03T10:00:00Z");
    await earning(annotator, "item", first, a, "2.50", "2025-11-03T10:00:00Z");
    await db().item.update({ where: { id: first.itemId }, data: { status: "retracted", retractedAt: new Date("2025-11-20T10:00:00Z") } });
    await outcome(second, annotator, a, 1, "changes_requested", "2025-11-04T10:00:00Z");
    await outcome(second, annotator, a, 2, "approved", "2025-11-06T10:00:00Z");
    await earning(annotator, "item", second, a, "2.50", "2025-11-06T10:00:00Z");
    await outcome(third, annotator, a, 1, "rejected", "2025-11-05T10:00:00Z");
    await activeTime(annotator, "writing", first, "2025-11-03T08:00:00Z", 3000);
    await activeTime(annotator, "writing", second, "2025-11-04T08:00:00Z", 4200);
    await review(reviewer, first, 1, "approve", "2025-11-03T10:00:00Z");
    await review(reviewer, second, 1, "request_changes", "2025-11-04T10:00:00Z");
    await review(reviewer, second, 2, "approve", "2025-11-06T10:00:00Z");
    await review(reviewer, third, 1, "reject", "2025-11-05T10:00:00Z");
    for (const [item, at] of [[first, "2025-11-03T10:00:00Z"], [second, "2025-11-04T10:00:00Z"], [third, "2025-11-05T10:00:00Z"]] as const) {
      await earning(reviewer, "review", item, a, "0.40", at);
    }
    await activeTime(reviewer, "reviewing", first, "2025-11-03T10:00:00Z", 900);
    await activeTime(reviewer, "reviewing", third, "2025-11-05T10:00:00Z", 900);
  });

  test("an annotator's submissions, outcomes, first-pass rate, hours and earnings", async () => {
    const report = await productivityReport(viewerOf(annotator), NOVEMBER_2025);
    assert.equal(report.people.length, 1);
    const me = report.people[0]!;
    assert.equal(me.userId, annotator.id);
    assert.equal(me.submitted, 3);
    assert.equal(me.approved, 2);
    assert.equal(me.sentBack, 1);
    assert.equal(me.rejected, 1);
    assert.equal(me.firstPassDecided, 3);
    assert.equal(me.firstPassApproved, 1);
    assert.equal(me.firstPassApprovalRate, 1 / 3);
    assert.equal(me.writingSeconds, 7200);
    assert.equal(me.approvedPerActiveHour, 1);
    assert.deepEqual(me.itemEarnings, [{ currency: "EUR", amount: "5.00" }]);
    assert.equal(me.retractedPaidItems, 1, "the retracted item stays paid and is noted");
    assert.deepEqual(me.reviewEarnings, []);
    assert.equal(report.timeZone, "Europe/Madrid");
  });

  test("the daily series has every day of the period, with approvals and hours on their own days", async () => {
    const report = await productivityReport(viewerOf(annotator), NOVEMBER_2025);
    assert.equal(report.days.length, 30);
    assert.equal(report.days[0]!.date, "2025-11-01");
    const day = (date: string) => report.days.find((entry) => entry.date === date)!;
    assert.equal(day("2025-11-03").approved, 1);
    assert.equal(day("2025-11-06").approved, 1);
    assert.equal(day("2025-11-04").approved, 0);
    assert.equal(day("2025-11-04").writingSeconds, 4200);
    assert.equal(report.days.reduce((sum, entry) => sum + entry.approved, 0), 2);
  });

  test("a reviewer's reviews by decision, review hours and review earnings", async () => {
    const report = await productivityReport(viewerOf(reviewer), NOVEMBER_2025);
    const me = report.people[0]!;
    assert.deepEqual(me.reviews, { approve: 2, requestChanges: 1, reject: 1 });
    assert.equal(me.reviewingSeconds, 1800);
    assert.deepEqual(me.reviewEarnings, [{ currency: "EUR", amount: "1.20" }]);
    assert.equal(me.approved, 0);
    const day = (date: string) => report.days.find((entry) => entry.date === date)!;
    assert.equal(day("2025-11-04").reviews, 1);
    assert.equal(day("2025-11-03").reviewingSeconds, 900);
  });

  test("a person sees only their own figures: asking for someone else is refused", async () => {
    await assert.rejects(
      productivityReport(viewerOf(annotator), { ...NOVEMBER_2025, user: reviewer.id }),
      (error) => error instanceof AppError && error.code === "forbidden" && error.fields[0]?.field === "user",
    );
    await assert.rejects(
      productivityReport(viewerOf(reviewer), { ...NOVEMBER_2025, user: annotator.id }),
      (error) => error instanceof AppError && error.code === "forbidden",
    );
    const own = await productivityReport(viewerOf(reviewer), { ...NOVEMBER_2025, user: reviewer.id });
    assert.deepEqual(own.people.map((person) => person.userId), [reviewer.id]);
  });

  test("a maintainer sees everyone's figures, or one person's", async () => {
    const maintainer = viewerOf(await createTestUser("maintainer", ["es"]));
    const everyone = await productivityReport(maintainer, { ...NOVEMBER_2025, campaign: campaignA.slug });
    const ids = everyone.people.map((person) => person.userId);
    assert.ok(ids.includes(annotator.id) && ids.includes(reviewer.id), "both people are in the table");
    assert.equal(everyone.totals.approved, 2);
    assert.equal(everyone.totals.submitted, 3);
    assert.deepEqual(everyone.totals.itemEarnings, [{ currency: "EUR", amount: "5.00" }]);
    assert.deepEqual(everyone.totals.reviewEarnings, [{ currency: "EUR", amount: "1.20" }]);
    const one = await productivityReport(maintainer, { ...NOVEMBER_2025, user: annotator.id });
    assert.deepEqual(one.people.map((person) => person.userId), [annotator.id]);
  });

  test("the campaign filter leaves other campaigns' figures out", async () => {
    const elsewhere = await submittedItem(annotator, campaignB.id, "2025-11-10T09:00:00Z");
    await outcome(elsewhere, annotator, campaignB.id, 1, "approved", "2025-11-10T10:00:00Z");
    await earning(annotator, "item", elsewhere, campaignB.id, "3.00", "2025-11-10T10:00:00Z");
    await activeTime(annotator, "writing", elsewhere, "2025-11-10T08:00:00Z", 600);
    const inA = (await productivityReport(viewerOf(annotator), { ...NOVEMBER_2025, campaign: campaignA.slug })).people[0]!;
    assert.equal(inA.submitted, 3);
    assert.equal(inA.approved, 2);
    assert.equal(inA.writingSeconds, 7200);
    assert.deepEqual(inA.itemEarnings, [{ currency: "EUR", amount: "5.00" }]);
    const inB = await productivityReport(viewerOf(annotator), { ...NOVEMBER_2025, campaign: campaignB.slug });
    assert.equal(inB.campaign?.id, campaignB.id);
    assert.equal(inB.people[0]!.approved, 1);
    assert.deepEqual(inB.people[0]!.itemEarnings, [{ currency: "EUR", amount: "3.00" }]);
    const all = (await productivityReport(viewerOf(annotator), NOVEMBER_2025)).people[0]!;
    assert.equal(all.approved, 3);
    assert.deepEqual(all.itemEarnings, [{ currency: "EUR", amount: "8.00" }]);
  });
});

test("an approval at 23:30 UTC on the last day of a month belongs to the next month in Madrid", async () => {
  const annotator = await createTestUser("annotator", ["es"], "late");
  const item = await submittedItem(annotator, campaignA.id, "2025-11-30T23:10:00Z");
  await outcome(item, annotator, campaignA.id, 1, "approved", "2025-11-30T23:30:00Z");
  await earning(annotator, "item", item, campaignA.id, "2.50", "2025-11-30T23:30:00Z");
  await activeTime(annotator, "writing", item, "2025-11-30T23:00:00Z", 1200);
  const november = (await productivityReport(viewerOf(annotator), NOVEMBER_2025)).people[0]!;
  assert.equal(november.approved, 0);
  assert.equal(november.submitted, 0);
  assert.equal(november.writingSeconds, 0);
  assert.deepEqual(november.itemEarnings, []);
  const december = await productivityReport(viewerOf(annotator), { from: "2025-12-01", to: "2025-12-31" });
  assert.equal(december.people[0]!.approved, 1);
  assert.equal(december.people[0]!.submitted, 1);
  assert.equal(december.people[0]!.writingSeconds, 1200);
  assert.deepEqual(december.people[0]!.itemEarnings, [{ currency: "EUR", amount: "2.50" }]);
  assert.equal(december.days[0]!.approved, 1, "it is counted on 1 December");
});

test("bad periods, campaigns and people are refused naming the field", async () => {
  const annotator = viewerOf(await createTestUser("annotator", ["es"]));
  const maintainer = viewerOf(await createTestUser("maintainer", ["es"]));
  await assert.rejects(productivityReport(annotator, { from: "2025-11-30", to: "2025-11-01" }), (error) => fieldsOf(error).includes("to"));
  await assert.rejects(productivityReport(annotator, { from: "2025-02-30", to: "2025-03-01" }), (error) => fieldsOf(error).includes("from"));
  await assert.rejects(productivityReport(annotator, { from: "2025-01-01", to: "01/02/2025" }), (error) => fieldsOf(error).includes("to"));
  await assert.rejects(productivityReport(annotator, { from: "2020-01-01", to: "2025-01-01" }), (error) => fieldsOf(error).includes("to"));
  await assert.rejects(productivityReport(annotator, { ...NOVEMBER_2025, campaign: "no-such-campaign" }), (error) => fieldsOf(error).includes("campaign"));
  await assert.rejects(productivityReport(maintainer, { ...NOVEMBER_2025, user: randomUUID() }), (error) => fieldsOf(error).includes("user"));
});

test("an item written, submitted and approved through the app shows up that day with its earning", async () => {
  const author = await createTestUser("annotator", ["es"], "flow");
  const reviewer = await createTestUser("reviewer", ["es"], "flowreviewer");
  // A campaign of its own: the reviewer claims from its queue, where nothing else waits.
  const campaign = await createTestCampaign({ languages: ["es"] });
  const item = await submitItemWithText(author, campaign.id, "es", {
    instruction: `¿Por qué conviene regar las plantas de interior por la mañana? (${author.id})`,
    response: "Porque así el agua tiene todo el día para evaporarse de las hojas y la tierra no queda encharcada por la noche.",
  });
  await reviewItem(reviewer, item, "approve");
  const today = dateIn("Europe/Madrid", new Date());
  const report = await productivityReport(viewerOf(author), { from: today, to: today });
  const me = report.people[0]!;
  assert.equal(me.submitted, 1);
  assert.equal(me.approved, 1);
  assert.equal(me.firstPassApprovalRate, 1);
  assert.deepEqual(me.itemEarnings, [{ currency: "EUR", amount: "2.50" }]);
  const theirs = await productivityReport(viewerOf(reviewer), { from: today, to: today });
  assert.deepEqual(theirs.people[0]!.reviews, { approve: 1, requestChanges: 0, reject: 0 });
});
