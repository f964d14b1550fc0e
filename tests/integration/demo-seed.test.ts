// The quick start's demo data: created once through the real use cases, enough to try every role at once.
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "@/lib/demo/seed-demo";
import { ownDatabaseForThisFile } from "@/tests/support/own-database";

const ownDatabase = ownDatabaseForThisFile("escriba_demo");

test("the demo seed creates the accounts, a campaign and items in every state once, and nothing on a second run", async () => {
  const first = await seedDemoAccounts();
  assert.equal(first.length, DEMO_ACCOUNTS.length + 1);
  const byStatus = await db().item.groupBy({ by: ["status"], _count: true, orderBy: { status: "asc" } });
  assert.deepEqual(
    byStatus.map((group) => [group.status, group._count]),
    [["draft", 1], ["submitted", 1], ["approved", 4]],
  );
  const approved = await db().item.findMany({ where: { status: "approved" }, select: { approvedRevisionId: true, language: true } });
  assert.ok(approved.every((item) => item.approvedRevisionId !== null), "approved items carry the revision a release takes");
  assert.deepEqual([...new Set(approved.map((item) => item.language))].sort(), ["es", "gl"]);

  assert.deepEqual(await seedDemoAccounts(), []);
  assert.equal(await db().item.count(), 6);
  assert.equal(await db().user.count(), DEMO_ACCOUNTS.length);
});
