// Earnings rules, pay periods, statements and adjustments against the real database, through the real use cases
// (submit → claim → decide, adjudication, retraction). Tests run in order: each opens a period for today that
// begins where the previous test's period was closed early, so the periods never overlap.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { z } from "zod";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { retractItem } from "@/lib/items/retract-item";
import { createAdjustment, listAdjustments } from "@/lib/pay/adjustments";
import { closePayPeriod } from "@/lib/pay/close-pay-period";
import { createPayPeriod } from "@/lib/pay/create-pay-period";
import { listPayPeriods } from "@/lib/pay/list-pay-periods";
import { getStatement, listStatements, periodCsvFile, statementCsvFile } from "@/lib/pay/read-statements";
import { listOpenAdjudications } from "@/lib/reviews/list-open-adjudications";
import { resolveAdjudication } from "@/lib/reviews/resolve-adjudication";
import { openTodayPeriod, review, rework, setCampaignRates } from "@/tests/support/pay-flows";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser, type TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

const isCode = (code: string, field?: string) => (error: unknown) =>
  error instanceof AppError && error.code === code && (!field || error.fields.some((problem) => problem.field === field));
const isInvalid = (field: string) => (error: unknown) =>
  error instanceof z.ZodError && error.issues.some((issue) => issue.path.join(".") === field);
let tagCounter = 0;
const tag = () => `pago ${++tagCounter} ${Date.now()}`;

async function newMaintainer() {
  return viewerOf(await createTestUser("maintainer", ["es", "ca", "eu", "gl"]));
}

async function statementOf(periodId: string, person: TestUser) {
  const [summary] = await listStatements(viewerOf(person), { periodId });
  return summary ? getStatement(viewerOf(person), summary.id) : null;
}

const linesOf = (statement: Awaited<ReturnType<typeof getStatement>> | null) =>
  statement?.lines.map((line) => ({ kind: line.kind, itemId: line.itemId, reviewId: line.reviewId, rate: line.rate, amount: line.amount })) ?? [];

describe("earnings rules", () => {
  test("an item is paid once at its campaign's rate of its first approval: rework and re-approval pay nothing more, a later rate change changes nothing", async () => {
    const maintainer = await newMaintainer();
    const period = await openTodayPeriod(maintainer);
    const campaign = await createTestCampaign({ languages: ["gl"] });
    await setCampaignRates(campaign.id, { perItem: "2.50" });
    const author = await createTestUser("annotator", ["gl"]);
    const reviewer = viewerOf(await createTestUser("reviewer", ["gl"]));

    const reworked = await submitTestItem(author, campaign.id, "gl", tag());
    assert.equal((await review(reviewer, reworked.id, "request_changes")).status, "changes_requested");
    assert.equal(await db().earning.count({ where: { itemId: reworked.id } }), 0, "a sent-back item earns nothing yet");
    await rework(viewerOf(author), reworked.id);
    assert.equal((await review(reviewer, reworked.id, "approve")).status, "approved");
    const direct = await submitTestItem(author, campaign.id, "gl", tag());
    await review(reviewer, direct.id, "approve");

    await setCampaignRates(campaign.id, { perItem: "9.99" });
    await closePayPeriod(maintainer, period.id, { closeNow: true });

    const statement = await statementOf(period.id, author);
    assert.deepEqual(
      linesOf(statement).sort((a, b) => (a.itemId! < b.itemId! ? -1 : 1)),
      [
        { kind: "item", itemId: reworked.id, reviewId: null, rate: "2.50", amount: "2.50" },
        { kind: "item", itemId: direct.id, reviewId: null, rate: "2.50", amount: "2.50" },
      ].sort((a, b) => (a.itemId < b.itemId ? -1 : 1)),
    );
    assert.deepEqual(statement!.totals, [{ currency: "EUR", amount: "5.00" }]);
    assert.equal(await db().earning.count({ where: { itemId: reworked.id, kind: "item" } }), 1, "the reworked item is in the ledger once");
    assert.equal(await statementOf(period.id, { ...author, id: reviewer.id, role: "reviewer" }), null, "unpaid reviews: no statement for the reviewer");
  });

  test("reviews are paid at the campaign's rate per review; an item approved by adjudication is paid once to its author", async () => {
    const maintainer = await newMaintainer();
    const period = await openTodayPeriod(maintainer);
    const campaign = await createTestCampaign({ languages: ["es"], approvalsRequired: 2 });
    await setCampaignRates(campaign.id, { perItem: "3.00", perReview: "0.40" });
    const author = await createTestUser("annotator", ["es"]);
    const approving = await createTestUser("reviewer", ["es"]);
    const rejecting = await createTestUser("reviewer", ["es"]);
    const item = await submitTestItem(author, campaign.id, "es", tag());
    const first = await review(viewerOf(approving), item.id, "approve");
    assert.equal(first.status, "submitted", "one approval of two");
    const second = await review(viewerOf(rejecting), item.id, "reject");
    const entry = (await listOpenAdjudications(maintainer)).find((adjudication) => adjudication.item.id === item.id);
    assert.ok(entry, "approve then reject goes to a maintainer");
    await resolveAdjudication(maintainer, entry.id, { decision: "approve", comment: "Correcta." });
    await closePayPeriod(maintainer, period.id, { closeNow: true });

    assert.deepEqual(linesOf(await statementOf(period.id, author)), [{ kind: "item", itemId: item.id, reviewId: null, rate: "3.00", amount: "3.00" }]);
    assert.deepEqual(linesOf(await statementOf(period.id, approving)), [
      { kind: "review", itemId: item.id, reviewId: first.reviewId, rate: "0.40", amount: "0.40" },
    ]);
    const rejecter = await statementOf(period.id, rejecting);
    assert.deepEqual(linesOf(rejecter), [{ kind: "review", itemId: item.id, reviewId: second.reviewId, rate: "0.40", amount: "0.40" }]);
    assert.deepEqual(rejecter!.totals, [{ currency: "EUR", amount: "0.40" }]);
  });

  test("a retraction changes nothing that was paid: before closing the line stays with a note, after closing the statement and its CSV stay byte for byte", async () => {
    const maintainer = await newMaintainer();
    const first = await openTodayPeriod(maintainer);
    const campaign = await createTestCampaign({ languages: ["ca"] });
    const author = await createTestUser("annotator", ["ca"]);
    const reviewer = viewerOf(await createTestUser("reviewer", ["ca"]));
    const retractedEarly = await submitTestItem(author, campaign.id, "ca", tag());
    await review(reviewer, retractedEarly.id, "approve");
    const retractedLate = await submitTestItem(author, campaign.id, "ca", tag());
    await review(reviewer, retractedLate.id, "approve");
    await retractItem(maintainer, retractedEarly.id, { reason: "Llicència dubtosa." });
    await closePayPeriod(maintainer, first.id, { closeNow: true });

    const before = await statementOf(first.id, author);
    assert.equal(before!.lines.length, 2, "both approvals are paid, retracted or not");
    assert.deepEqual(before!.totals, [{ currency: "EUR", amount: "5.00" }]);
    const early = before!.lines.find((line) => line.itemId === retractedEarly.id)!;
    assert.ok(early.itemRetractedAt, "the retraction is shown beside the line");
    assert.equal(before!.lines.find((line) => line.itemId === retractedLate.id)!.itemRetractedAt, null);
    const csvBefore = await statementCsvFile(viewerOf(author), before!.id);
    assert.equal(csvBefore.sha256, before!.csvSha256, "the CSV is the one hashed at closing");

    await retractItem(maintainer, retractedLate.id, { reason: "Dades personals." });
    const afterwards = await statementOf(first.id, author);
    assert.deepEqual(
      afterwards!.lines.map(({ itemRetractedAt: _, ...line }) => line),
      before!.lines.map(({ itemRetractedAt: _, ...line }) => line),
    );
    assert.ok(afterwards!.lines.find((line) => line.itemId === retractedLate.id)!.itemRetractedAt, "now noted, not removed");
    const csvAfter = await statementCsvFile(viewerOf(author), before!.id);
    assert.equal(csvAfter.text, csvBefore.text);
    assert.equal(csvAfter.sha256, before!.csvSha256);
    assert.equal(await db().earning.count({ where: { itemId: { in: [retractedEarly.id, retractedLate.id] } } }), 2);
  });
});

describe("adjustments", () => {
  test("go into an open period and appear on its statement; a closed period takes none; bad input is refused by name", async () => {
    const maintainer = await newMaintainer();
    const closed = await openTodayPeriod(maintainer);
    const person = await createTestUser("annotator", ["gl"]);
    await closePayPeriod(maintainer, closed.id, { closeNow: true });
    const next = await openTodayPeriod(maintainer);
    assert.equal(next.startsAt, (await listPayPeriods(maintainer)).find((period) => period.id === closed.id)!.endsAt, "the next period begins where the early close ended");

    const adjustmentsBefore = await db().adjustment.count();
    await assert.rejects(
      createAdjustment(maintainer, { periodId: closed.id, userId: person.id, amount: "5.00", currency: "EUR", reason: "Olvido." }),
      isCode("conflict", "periodId"),
    );
    await assert.rejects(createAdjustment(maintainer, { periodId: next.id, userId: person.id, amount: "1.234", reason: "x" }), isInvalid("amount"));
    await assert.rejects(createAdjustment(maintainer, { periodId: next.id, userId: person.id, amount: "1e3", reason: "x" }), isInvalid("amount"));
    await assert.rejects(createAdjustment(maintainer, { periodId: next.id, userId: person.id, amount: "-5.00", reason: "  " }), isInvalid("reason"));
    await assert.rejects(createAdjustment(viewerOf(person), { periodId: next.id, userId: person.id, amount: "500.00", reason: "Yo." }), isCode("forbidden"));
    assert.equal(await db().adjustment.count(), adjustmentsBefore, "nothing written");

    await createAdjustment(maintainer, { periodId: next.id, userId: person.id, amount: "-5", reason: "Pago duplicado en octubre." });
    await createAdjustment(maintainer, { periodId: next.id, userId: person.id, amount: "12.5", reason: "Revisión extra." });
    assert.deepEqual((await listAdjustments(maintainer, next.id)).map((adjustment) => adjustment.amount), ["-5.00", "12.50"]);
    await closePayPeriod(maintainer, next.id, { closeNow: true });
    const statement = await statementOf(next.id, person);
    assert.deepEqual(
      statement!.lines.map((line) => [line.kind, line.amount, line.reason, line.addedBy]),
      [
        ["adjustment", "-5.00", "Pago duplicado en octubre.", maintainer.email],
        ["adjustment", "12.50", "Revisión extra.", maintainer.email],
      ],
    );
    assert.deepEqual(statement!.totals, [{ currency: "EUR", amount: "7.50" }]);
    assert.equal(await statementOf(closed.id, person), null, "nothing was due in the first period");
  });
});

describe("closing", () => {
  test("not before the period ends unless closing now; never twice; nobody with nothing to be paid gets a statement", async () => {
    const maintainer = await newMaintainer();
    const future = await createPayPeriod(maintainer, { label: `future-${tag().replace(/\D/g, "")}`, startsOn: "2999-05-01", endsOn: "2999-05-31" });
    await assert.rejects(closePayPeriod(maintainer, future.id), isCode("conflict", "closeNow"));
    await assert.rejects(closePayPeriod(maintainer, future.id, { closeNow: true }), isCode("conflict"), "a period that has not begun");
    assert.equal((await listPayPeriods(maintainer)).find((period) => period.id === future.id)!.status, "open");

    const past = await createPayPeriod(maintainer, { label: `empty-${tag().replace(/\D/g, "")}`, startsOn: "2001-03-01", endsOn: "2001-03-31" });
    const closedPast = await closePayPeriod(maintainer, past.id);
    assert.equal(closedPast.status, "closed");
    assert.equal(closedPast.endsAt, past.endsAt, "a period that had ended keeps its end");
    assert.equal(closedPast.statements, 0);
    assert.equal(await db().statement.count({ where: { periodId: past.id } }), 0);

    const today = await openTodayPeriod(maintainer);
    const idle = await createTestUser("annotator", ["gl"]);
    await closePayPeriod(maintainer, today.id, { closeNow: true });
    assert.equal(await statementOf(today.id, idle), null);
    await assert.rejects(closePayPeriod(maintainer, today.id, { closeNow: true }), (error: unknown) =>
      isCode("conflict", "periodId")(error) && (error as AppError).message.includes(today.label),
    );
  });

  test("a line left unpaid (committed after its period closed, or earned between periods) goes on the next statement to close, once; an open period keeps its own", async () => {
    const maintainer = await newMaintainer();
    const campaign = await createTestCampaign({ languages: ["gl"] });
    const author = await createTestUser("annotator", ["gl"]);
    const period = (month: string) => createPayPeriod(maintainer, { label: `late-${month}`, startsOn: `${month}-01`, endsOn: `${month}-28` });
    // Ledger lines as approvals write them, dated where closings can no longer reach them by date alone.
    const ledgerLine = async (earnedAt: string) => {
      const item = await submitTestItem(author, campaign.id, "gl", tag());
      await db().earning.create({
        data: { userId: author.id, kind: "item", subjectId: item.id, itemId: item.id, campaignId: campaign.id, earnedAt: new Date(earnedAt), amount: "1.25", currency: "EUR" },
      });
      return item.id;
    };
    const january = await period("1995-01");
    await closePayPeriod(maintainer, january.id);
    const committedLate = await ledgerLine("1995-01-20T10:00:00Z");
    const betweenPeriods = await ledgerLine("1995-02-14T10:00:00Z");
    const inMarch = await ledgerLine("1995-03-02T10:00:00Z");
    const may = await period("1995-05");
    const june = await period("1995-06");
    const inMay = await ledgerLine("1995-05-10T10:00:00Z");
    const inJune = await ledgerLine("1995-06-10T10:00:00Z");

    const march = await period("1995-03");
    await closePayPeriod(maintainer, march.id);
    const itemsOn = async (periodId: string) => linesOf(await statementOf(periodId, author)).map((line) => line.itemId).sort();
    assert.deepEqual(await itemsOn(march.id), [committedLate, betweenPeriods, inMarch].sort());
    await closePayPeriod(maintainer, june.id);
    assert.deepEqual(await itemsOn(june.id), [inJune], "May is still open and keeps its own line");
    await closePayPeriod(maintainer, may.id);
    assert.deepEqual(await itemsOn(may.id), [inMay]);
    assert.equal(await db().statementLine.count({ where: { earning: { userId: author.id } } }), 5, "each line paid once");
  });

  test("periods never overlap, end on or after they start and have unique labels", async () => {
    const maintainer = await newMaintainer();
    const label = `overlap-${tag().replace(/\D/g, "")}`;
    await createPayPeriod(maintainer, { label, startsOn: "2002-04-01", endsOn: "2002-04-30" });
    const periods = await db().payPeriod.count();
    await assert.rejects(createPayPeriod(maintainer, { label: `${label}-b`, startsOn: "2002-04-15", endsOn: "2002-05-10" }), isCode("conflict", "startsOn"));
    await assert.rejects(createPayPeriod(maintainer, { label: `${label}-c`, startsOn: "2002-03-20", endsOn: "2002-04-01" }), isCode("conflict", "endsOn"));
    await assert.rejects(createPayPeriod(maintainer, { label: `${label}-d`, startsOn: "2002-06-10", endsOn: "2002-06-09" }), isInvalid("endsOn"));
    await assert.rejects(createPayPeriod(maintainer, { label, startsOn: "2002-07-01", endsOn: "2002-07-31" }), isCode("conflict", "label"));
    await assert.rejects(createPayPeriod(maintainer, { label: `${label}-e`, startsOn: "2002-02-30", endsOn: "2002-03-01" }), isInvalid("startsOn"));
    assert.equal(await db().payPeriod.count(), periods, "nothing written");
    // The database itself refuses an overlap that skips the use case.
    await assert.rejects(
      db().$executeRawUnsafe(
        `INSERT INTO pay_periods (id, label, starts_on, ends_on, time_zone, starts_at, ends_at, created_by_id)
         VALUES (gen_random_uuid(), $1, '2002-04-10', '2002-04-11', 'UTC', '2002-04-10T00:00Z', '2002-04-12T00:00Z', $2::uuid)`,
        `${label}-raw`,
        maintainer.id,
      ),
      /pay_periods_no_overlap|conflicting key value/,
    );
  });
});

describe("immutability in the database", () => {
  test("closed periods, their statements, lines and adjustments refuse UPDATE, DELETE and INSERT from the app's own connection", async () => {
    const maintainer = await newMaintainer();
    const period = await openTodayPeriod(maintainer);
    const campaign = await createTestCampaign({ languages: ["eu"] });
    const author = await createTestUser("annotator", ["eu"]);
    const item = await submitTestItem(author, campaign.id, "eu", tag());
    await review(viewerOf(await createTestUser("reviewer", ["eu"])), item.id, "approve");
    const adjustment = await createAdjustment(maintainer, { periodId: period.id, userId: author.id, amount: "1.00", reason: "Bonus." });
    await closePayPeriod(maintainer, period.id, { closeNow: true });
    const statement = (await statementOf(period.id, author))!;
    const snapshot = async () =>
      JSON.stringify([
        await db().payPeriod.findUniqueOrThrow({ where: { id: period.id } }),
        await db().statement.findUniqueOrThrow({ where: { id: statement.id }, include: { lines: { orderBy: { position: "asc" } } } }),
        await db().adjustment.findMany({ where: { periodId: period.id } }),
      ]);
    const before = await snapshot();
    const line = await db().statementLine.findFirstOrThrow({ where: { statementId: statement.id, kind: "item" } });
    const earning = await db().earning.findUniqueOrThrow({ where: { kind_subjectId: { kind: "item", subjectId: item.id } } });

    const refused: [string, string, ...unknown[]][] = [
      ["statement update", `UPDATE statements SET csv_sha256 = repeat('0', 64) WHERE id = $1::uuid`, statement.id],
      ["statement delete", `DELETE FROM statements WHERE id = $1::uuid`, statement.id],
      ["line update", `UPDATE statement_lines SET amount = 1000 WHERE id = $1::uuid`, line.id],
      ["line delete", `DELETE FROM statement_lines WHERE statement_id = $1::uuid`, statement.id],
      ["lines truncate", `TRUNCATE statement_lines`],
      [
        "line insert",
        `INSERT INTO statement_lines (id, statement_id, position, kind, adjustment_id, occurred_at, amount, currency)
         VALUES (gen_random_uuid(), $1::uuid, 99, 'adjustment', $2::uuid, now(), 100, 'EUR')`,
        statement.id,
        adjustment.id,
      ],
      [
        "statement insert",
        `INSERT INTO statements (id, period_id, user_id, person_name, person_email, csv_sha256, created_at)
         VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'x', 'x@x', repeat('0', 64), now())`,
        period.id,
        maintainer.id,
      ],
      ["reopen", `UPDATE pay_periods SET status = 'open', closed_at = NULL, closed_by_id = NULL WHERE id = $1::uuid`, period.id],
      ["period change", `UPDATE pay_periods SET ends_at = ends_at + interval '1 day' WHERE id = $1::uuid`, period.id],
      ["period delete", `DELETE FROM pay_periods WHERE id = $1::uuid`, period.id],
      [
        "adjustment insert",
        `INSERT INTO adjustments (id, period_id, user_id, amount, currency, reason, created_by_id)
         VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 100, 'EUR', 'sneaky', $3::uuid)`,
        period.id,
        author.id,
        maintainer.id,
      ],
      ["adjustment update", `UPDATE adjustments SET amount = 100 WHERE id = $1::uuid`, adjustment.id],
      ["adjustment delete", `DELETE FROM adjustments WHERE id = $1::uuid`, adjustment.id],
      ["earning update", `UPDATE earnings SET amount = 100 WHERE id = $1::uuid`, earning.id],
    ];
    for (const [what, sql, ...values] of refused) {
      await assert.rejects(db().$executeRawUnsafe(sql, ...values), /refused|frozen|closed|append-only/, `${what} is refused`);
    }
    assert.equal(await snapshot(), before, "everything is as it was");
  });
});

describe("who sees what", () => {
  test("a person sees only their own statements; only maintainers see others' and manage periods", async () => {
    const maintainer = await newMaintainer();
    const period = await openTodayPeriod(maintainer);
    const campaign = await createTestCampaign({ languages: ["gl"] });
    const author = await createTestUser("annotator", ["gl"]);
    const other = await createTestUser("reviewer", ["gl"]);
    const item = await submitTestItem(author, campaign.id, "gl", tag());
    await review(viewerOf(other), item.id, "approve");
    await closePayPeriod(maintainer, period.id, { closeNow: true });
    const [own] = await listStatements(viewerOf(author), {});
    assert.equal(own?.userId, author.id);
    assert.deepEqual(await listStatements(viewerOf(other), { periodId: period.id }), [], "the reviewer was not paid and sees no one else's");
    await assert.rejects(listStatements(viewerOf(other), { userId: author.id }), isCode("forbidden"));
    await assert.rejects(getStatement(viewerOf(other), own!.id), isCode("not_found"));
    await assert.rejects(statementCsvFile(viewerOf(other), own!.id), isCode("not_found"));
    await assert.rejects(periodCsvFile(viewerOf(author), period.id), isCode("not_found"));
    await assert.rejects(listPayPeriods(viewerOf(author)), isCode("forbidden"));
    await assert.rejects(createPayPeriod(viewerOf(other), { label: "nope", startsOn: "2003-01-01", endsOn: "2003-01-31" }), isCode("forbidden"));
    assert.equal((await getStatement(maintainer, own!.id)).userId, author.id);
    const everyone = await periodCsvFile(maintainer, period.id);
    assert.ok(everyone.text.includes(author.email));
  });
});
