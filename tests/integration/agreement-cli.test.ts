// `escriba report agreement` as an operator runs it: a real process, JSON and spreadsheet-safe CSV, bad options refused.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { CampaignView } from "@/lib/campaigns/schemas";
import { disconnectDb } from "@/lib/db";
import { decideReview } from "@/lib/reviews/decide-review";
import { claimItem } from "@/tests/support/claim-item";
import { runEscriba } from "@/tests/support/run-escriba";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser, type TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

const SCORES = { instruction: 4, correctness: 4, fluency: 5, safety: 5, guidelines: 4 };
let campaign: CampaignView;
let maintainer: TestUser;

// Ten two-approval rounds: both reviewers approve seven, the second rejects three (the first always approves first).
before(async () => {
  campaign = await createTestCampaign({ languages: ["gl"], approvalsRequired: 2 });
  maintainer = await createTestUser("maintainer", ["gl"]);
  const author = await createTestUser("annotator", ["gl"]);
  const [first, second] = [await createTestUser("reviewer", ["gl"]), await createTestUser("reviewer", ["gl"])];
  for (let index = 0; index < 10; index++) {
    const item = await submitTestItem(author, campaign.id, "gl", `acordo ${index} ${Date.now()}`);
    for (const [reviewer, decision] of [[first, "approve"], [second, index < 7 ? "approve" : "reject"]] as const) {
      const lease = await claimItem(viewerOf(reviewer), item);
      await decideReview(viewerOf(reviewer), item.id, {
        version: lease.item.version,
        decision,
        scores: decision === "approve" ? SCORES : { ...SCORES, correctness: 2 },
        comment: decision === "approve" ? "" : "A resposta non é correcta.",
      });
    }
  }
});

const report = (...args: string[]) => runEscriba(["report", "agreement", "--email", maintainer.email, "--campaign", campaign.slug, ...args]);

test("--format json gives the figures with the items behind them", async () => {
  const result = await report("--format", "json");
  assert.equal(result.code, 0, result.stderr);
  const parsed = JSON.parse(result.stdout) as { minItems: number; overall: { items: number; percentAgreement: { value: number; note: string }; kappa: { value: number } } };
  assert.equal(parsed.minItems, 10);
  assert.equal(parsed.overall.items, 10);
  assert.equal(parsed.overall.percentAgreement.note, "ok");
  assert.equal(parsed.overall.percentAgreement.value, 0.7);
  assert.equal(parsed.overall.kappa.value, 0, "one reviewer always approving agrees no better than chance");
});

test("the CSV has one row per group and figure, and says why a figure is missing", async () => {
  const result = await report();
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.trim().split("\r\n");
  assert.equal(lines[0], "grouping,key,label,figure,value,ci_low,ci_high,items,note");
  assert.ok(lines.some((line) => /^overall,all,,percent_agreement,0\.7000,0\.\d{4},[01]\.\d{4},10,ok$/.test(line)), result.stdout);
  assert.ok(lines.some((line) => /^language,gl,gl,cohens_kappa,0\.0000,/.test(line)), result.stdout);
});

test("an unknown language or format is refused naming the option", async () => {
  const language = await report("--language", "fr");
  assert.notEqual(language.code, 0);
  assert.match(language.stderr, /language/);
  const format = await report("--format", "xlsx");
  assert.notEqual(format.code, 0);
  assert.match(format.stderr, /format/);
});
