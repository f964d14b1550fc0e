// The quick start's demo data: created once through the real use cases, enough to try every role at once.
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "@/lib/demo/seed-demo";
import { ownDatabaseForThisFile } from "@/tests/support/own-database";

const ownDatabase = ownDatabaseForThisFile("escriba_demo");

test("the demo seed creates the accounts, a campaign with quotas, items in every state and a closed pay period once, and nothing on a second run", async () => {
  const first = await seedDemoAccounts();
  assert.equal(first.length, DEMO_ACCOUNTS.length + 1);
  const byStatus = await db().item.groupBy({ by: ["status"], _count: true, orderBy: { status: "asc" } });
  assert.deepEqual(
    byStatus.map((group) => [group.status, group._count]),
    [["draft", 1], ["submitted", 1], ["approved", 8]],
  );
  const approved = await db().item.findMany({ where: { status: "approved" }, select: { approvedRevisionId: true, language: true } });
  assert.ok(approved.every((item) => item.approvedRevisionId !== null), "approved items carry the revision a release takes");
  assert.deepEqual([...new Set(approved.map((item) => item.language))].sort(), ["ca", "es", "eu", "gl"]);

  // The programme: open questions half filled in every language, every approval and review paid once and on the
  // closed period's statements, and an open period for the rest of the month.
  const openQuestions = await db().campaignQuota.findMany({ where: { category: "open_qa" } });
  assert.deepEqual(openQuestions.map((quota) => quota.target), [4, 4, 4, 4]);
  for (const quota of openQuestions) {
    assert.equal(await db().item.count({ where: { language: quota.language, category: "open_qa", status: "approved" } }), 2, quota.language);
  }
  const periods = await db().payPeriod.findMany({ orderBy: { startsAt: "asc" }, select: { status: true, _count: { select: { statements: true } } } });
  assert.deepEqual(periods, [
    { status: "closed", _count: { statements: 5 } },
    { status: "open", _count: { statements: 0 } },
  ], "three annotators and two reviewers paid on the closed period");
  assert.equal(await db().earning.count({ where: { kind: "item" } }), 8);
  assert.equal(await db().earning.count({ where: { kind: "review" } }), 8);
  assert.equal(await db().statementLine.count(), 16, "every ledger line on the closed statements");

  assert.deepEqual(await seedDemoAccounts(), []);
  assert.equal(await db().item.count(), 10);
  assert.equal(await db().user.count(), DEMO_ACCOUNTS.length);
});
