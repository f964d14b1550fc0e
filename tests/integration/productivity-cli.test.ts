// `escriba report productivity` as an operator runs it: a real process, CSV safe for spreadsheets, JSON, bad dates.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { disconnectDb } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import type { CampaignView } from "@/lib/campaigns/schemas";
import { runEscriba } from "@/tests/support/run-escriba";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { earning, outcome, submittedItem } from "@/tests/support/seed-productivity";
import { createTestUser, TEST_PASSWORD, type TestUser } from "@/tests/support/seed-users";

after(disconnectDb);

let campaign: CampaignView;
let maintainer: TestUser;
let trickster: TestUser;
before(async () => {
  campaign = await createTestCampaign({ languages: ["es"] });
  maintainer = await createTestUser("maintainer", ["es"]);
  const email = `trick-${randomBytes(4).toString("hex")}@test.escriba`;
  const created = await createUser(null, { email, name: '=HYPERLINK("http://evil.example","x")', role: "annotator", languages: ["es"], password: TEST_PASSWORD });
  trickster = { id: created.id, email, name: created.name, password: TEST_PASSWORD, role: "annotator", languages: ["es"] };
  for (const day of ["03", "04"]) {
    const item = await submittedItem(trickster, campaign.id, `2025-09-${day}T08:00:00Z`);
    await outcome(item, trickster, campaign.id, 1, "approved", `2025-09-${day}T09:00:00Z`);
    await earning(trickster, "item", item, campaign.id, "2.50", `2025-09-${day}T09:00:00Z`);
  }
});

const report = (...args: string[]) =>
  runEscriba(["report", "productivity", "--from", "2025-09-01", "--to", "2025-09-30", "--email", maintainer.email, "--campaign", campaign.slug, ...args]);

test("the CSV has a row per person with exact money, a totals row, and no cell a spreadsheet would run", async () => {
  const result = await report();
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.trim().split("\r\n");
  assert.match(lines[0]!, /^name,email,role,submitted,approved,sent_back,rejected,first_pass_approval_rate,writing_hours,.*item_earnings_EUR/);
  const row = lines.find((line) => line.includes(trickster.email));
  assert.ok(row, result.stdout);
  assert.ok(row.startsWith(`"'=HYPERLINK(""http://evil.example"",""x"")",${trickster.email},annotator,2,2,0,0,1.0000,0.00,,5.00,`), row);
  assert.match(lines.at(-1)!, /^total,,,2,2,0,0,1\.0000,0\.00,,5\.00,/);
});

test("--format json prints the report with money as decimal text", async () => {
  const result = await report("--format", "json");
  assert.equal(result.code, 0, result.stderr);
  const parsed = JSON.parse(result.stdout) as { people: { userId: string; approved: number; itemEarnings: unknown }[] };
  const person = parsed.people.find((candidate) => candidate.userId === trickster.id);
  assert.equal(person?.approved, 2);
  assert.deepEqual(person?.itemEarnings, [{ currency: "EUR", amount: "5.00" }]);
});

test("a period that ends before it starts and an unknown format are refused naming the option", async () => {
  const backwards = await runEscriba(["report", "productivity", "--from", "2025-09-30", "--to", "2025-09-01", "--email", maintainer.email]);
  assert.notEqual(backwards.code, 0);
  assert.match(backwards.stderr, /to: must not be before from/);
  const format = await report("--format", "xlsx");
  assert.notEqual(format.code, 0);
  assert.match(format.stderr, /format/);
});
