// Every operation of the OpenAPI document under hostile input, over HTTP against the real app, as a maintainer with
// an API token (and without one): never a 5xx, every 4xx in the one error shape, a 422 naming the field that was
// spoiled, input that is wrong in itself always refused, and a refused write leaving the data as it was.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createApiToken } from "@/lib/auth/api-tokens";
import { db, disconnectDb } from "@/lib/db";
import { apiErrorSchema } from "@/lib/http/error-response";
import { createImportJob } from "@/lib/imports/import-jobs";
import { createDraft } from "@/lib/items/create-draft";
import { ITEM_LANGUAGES } from "@/lib/vocabulary";
import { createRelease } from "@/lib/releases/create-release";
import { createAdjustment } from "@/lib/pay/adjustments";
import { closePayPeriod } from "@/lib/pay/close-pay-period";
import { createPayPeriod } from "@/lib/pay/create-pay-period";
import { findPayPeriodIdByLabel } from "@/lib/pay/list-pay-periods";
import { listStatements } from "@/lib/pay/read-statements";
import {
  authenticationCases,
  bodyCases,
  bodyValidator,
  documentedOperations,
  FUZZ_SEED,
  pathCases,
  queryCases,
  seededRandom,
  type Baseline,
  type DocumentedOperation,
  type FuzzCase,
  type OpenApiDocument,
} from "@/tests/e2e/helpers/api-fuzz";
import { nextReleaseVersion, seedApprovedItems, waitUntilBuilt } from "@/tests/e2e/helpers/releases";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

test.afterAll(disconnectDb);

interface World {
  token: string;
  operations: DocumentedOperation[];
  baselines: Record<string, Baseline>;
}

let world: World | null = null;

/**
 * Real data for every operation to act on. Where a valid request would change something for good, the baseline is
 * one the app turns down on its own terms (a taken e-mail, slug or version, a stale item version), so a mutation
 * the app happens to accept still leaves the data alone.
 */
async function seedWorld(request: APIRequestContext): Promise<World> {
  if (world) return world;
  const maintainer = await createTestUser("maintainer", [...ITEM_LANGUAGES], "fuzzer");
  const { token } = await createApiToken(null, maintainer.id, { name: "fuzz" });
  const spareToken = await createApiToken(null, maintainer.id, { name: "fuzz spare" });
  const victim = await createTestUser("annotator", ["gl"], "victim");
  const campaign = await createTestCampaign({ languages: ["gl", "es"] });
  const draft = await createDraft(viewerOf(maintainer), {
    campaignId: campaign.id,
    language: "gl",
    category: "open_qa",
    instruction: "Explica como se fai unha empanada galega.",
    response: "Faise unha masa, recheo de bonito e cebola, e cócese no forno.",
  });
  const [approved] = await seedApprovedItems(["gl"]);
  const version = nextReleaseVersion();
  await createRelease(viewerOf(maintainer), { version, license: "cc-by-4.0", notes: "fuzz" });
  await waitUntilBuilt(maintainer, version);
  // A closed pay period with one statement: closing it again, adding to it or creating it again are all refused.
  // Seeded once per database: a retried test seeds its world again.
  const payPeriodInput = { label: "fuzz-1999-01", startsOn: "1999-01-01", endsOn: "1999-01-31" };
  let payPeriod = { id: (await findPayPeriodIdByLabel(payPeriodInput.label)) ?? "" };
  if (!payPeriod.id) {
    payPeriod = await createPayPeriod(viewerOf(maintainer), payPeriodInput);
    await createAdjustment(viewerOf(maintainer), { periodId: payPeriod.id, userId: victim.id, amount: "5.00", reason: "fuzz" });
    await closePayPeriod(viewerOf(maintainer), payPeriod.id);
  }
  const [statement] = await listStatements(viewerOf(maintainer), { periodId: payPeriod.id });
  const importJob = await createImportJob(
    viewerOf(maintainer),
    { campaign: campaign.slug, dryRun: true, update: false, fileName: "fuzz.jsonl" },
    Buffer.from('{"externalId":"fuzz"}\n'),
  );
  const periodParams = { periodId: payPeriod.id };

  const document = (await (await request.get("/api/v1/openapi.json")).json()) as OpenApiDocument;
  const item = { itemId: draft.id };
  const itemFields = {
    language: "gl",
    category: "open_qa",
    instruction: "Que é unha empanada?",
    context: "Cociña galega.",
    response: "Unha masa rechea cocida no forno.",
    sourceUrl: "https://example.org/empanada",
    sourceLicense: "cc-by-4.0",
  };
  const itemText = { ...itemFields, languageJustification: "Texto en galego.", piiDeclaredFictional: false };
  // Writing counters of one field (authorship evidence), as the editor sends them.
  const counters = { typed: 40, pasted: 12, dropped: 0, other: 0, restored: 0, deleted: 3, pasteSizes: [12], dropSizes: [], activeMs: 9000, longestBurstCpm: 240, awayInsertions: 0 };
  // Every field present, so that each spoiled counter is the only thing wrong with the body.
  const evidence = { instruction: counters, context: counters, response: counters };
  const evidenceThresholds = { pastedPercent: 50, insertedPercent: 30, charsPerMinute: 900, awayInsertions: 1 };
  const baselines: Record<string, Baseline> = {
    getMe: {},
    updateMyPreferences: { body: { uiLocale: "en" } },
    listUsers: {},
    // A taken address, unknown link tokens, an address with no account, a token caller: nothing is written.
    inviteUser: { body: { email: victim.email, role: "annotator", languages: ["gl"] } },
    acceptInvitation: { body: { token: "A".repeat(43), name: "Fuzz", password: "long enough secret" } },
    requestPasswordReset: { body: { email: "nobody-fuzz@test.escriba" } },
    resetPassword: { body: { token: "B".repeat(43), password: "long enough secret" } },
    changeMyPassword: { body: { currentPassword: "not the password", password: "long enough secret" } },
    createUser: { body: { email: victim.email, name: "Fuzz", role: "annotator", languages: ["gl"], password: "long enough secret" } },
    updateUser: { params: { userId: victim.id }, body: { name: "Victim", role: "annotator", languages: ["gl"], active: true } },
    listMyApiTokens: {},
    createMyApiToken: { body: { name: "fuzz", expiresInDays: 1 } },
    revokeApiToken: { params: { tokenId: spareToken.id } },
    listCampaigns: {},
    createCampaign: {
      body: {
        slug: campaign.slug,
        name: "Fuzz",
        description: "d",
        status: "draft",
        languages: ["gl"],
        categories: ["open_qa"],
        approvalsRequired: 1,
        ratePerApprovedItem: "1.50",
        currency: "EUR",
        quotas: [{ language: "gl", category: "open_qa", target: 5 }],
        evidenceThresholds,
      },
    },
    updateCampaign: {
      params: { campaignId: campaign.id },
      body: {
        name: "Test campaign",
        description: "",
        status: "active",
        languages: ["es", "gl"],
        categories: campaign.categories,
        approvalsRequired: 1,
        ratePerApprovedItem: "2.50",
        ratePerReview: null,
        currency: "EUR",
        quotaMode: "soft",
        goldRate: 0,
        secondReviewRate: 0,
        evidenceThresholds,
      },
    },
    getQuotas: { params: { campaignId: campaign.id } },
    replaceQuotas: { params: { campaignId: campaign.id }, body: { quotas: [{ language: "gl", category: "open_qa", target: 500 }] } },
    publishGuideline: { params: { campaignId: campaign.id }, body: { language: "gl", body: "# Pautas" } },
    getGuideline: { params: { campaignId: campaign.id, language: "gl" }, query: { version: "1" } },
    getCampaignProgress: { params: { campaignId: campaign.id } },
    listMyItems: { query: { status: "draft", language: "gl", category: "open_qa", limit: "10", cursor: draft.id } },
    createDraft: { body: { campaignId: campaign.id, variety: "normativo", ...itemFields } },
    getItem: { params: item },
    updateDraft: { params: item, body: { version: 1_000, variety: "normativo", activeSeconds: 5, ...itemText, evidence } },
    deleteDraft: { params: item, query: { version: "1000" } },
    submitItem: {
      params: item,
      body: { version: 1_000, languageJustification: "Galego.", piiDeclaredFictional: false, evidence, evidenceNote: "Das miñas notas." },
    },
    checkDraft: { body: itemText },
    recordHeartbeat: { body: { kind: "writing", itemId: draft.id, beatId: "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f", seconds: 30 } },
    claimNextItem: { body: { language: "gl", campaignId: campaign.id } },
    returnToQueue: { params: item },
    releaseLease: { params: item },
    decideReview: {
      params: item,
      body: {
        version: 1_000,
        decision: "approve",
        scores: { instruction: 5, correctness: 5, fluency: 5, safety: 5, guidelines: 5 },
        comment: "Ben.",
        citedClauses: ["1.2"],
        edits: { instruction: "Que é?", context: null, response: "Unha empanada." },
        languageJustification: "Galego.",
        piiDeclaredFictional: false,
        evidence,
      },
    },
    getItemHistory: { params: item },
    searchItems: {
      query: { q: "empanada", campaign: campaign.id, language: "gl", status: "draft", category: "open_qa", languageJustified: "no", sort: "oldest", limit: "5" },
    },
    countItems: { query: { q: "empanada", campaign: campaign.id, createdFrom: "2026-01-01", createdTo: "2036-12-31", inRelease: "no" } },
    exportItems: { query: { campaign: campaign.id, format: "csv" } },
    // The draft is not approved: the selection is read and nothing is retracted.
    retractItems: { body: { selection: { ids: [draft.id] }, reason: "fuzz" } },
    // No file in the body: refused as empty, so nothing is queued.
    createImportJob: { query: { campaign: campaign.slug, dryRun: "true", update: "false", fileName: "fuzz.jsonl" } },
    getImportJob: { params: { jobId: importJob.id } },
    listAdjudications: {},
    resolveAdjudication: { params: { adjudicationId: "00000000-0000-4000-8000-000000000000" }, body: { decision: "approve", comment: "ok" } },
    listReleases: {},
    getLiveness: {},
    getReadiness: {},
    getMetrics: {},
    createRelease: { body: { version, license: "cc-by-4.0", notes: "fuzz" } },
    getRelease: { params: { version } },
    retryReleaseBuild: { params: { version } },
    publishRelease: { params: { version: "999999999.0.0" } },
    discardRelease: { params: { version: "999999999.0.0" } },
    downloadReleaseFile: { params: { version, path: "README.md" } },
    retractItem: { params: { itemId: approved!.id }, body: { reason: "fuzz" } },
    listPayPeriods: {},
    createPayPeriod: { body: payPeriodInput },
    getPayPeriod: { params: periodParams },
    closePayPeriod: { params: periodParams, body: { closeNow: false } },
    listPeriodStatements: { params: periodParams },
    downloadPeriodStatements: { params: periodParams },
    listAdjustments: { params: periodParams },
    createAdjustment: { body: { periodId: payPeriod.id, userId: victim.id, amount: "-5.00", currency: "EUR", reason: "fuzz" } },
    listStatements: { query: { userId: victim.id, periodId: payPeriod.id } },
    getStatement: { params: { statementId: statement!.id } },
    downloadStatement: { params: { statementId: statement!.id } },
    getProductivityReport: { query: { from: "2026-11-01", to: "2026-11-30", campaign: campaign.slug, user: maintainer.id } },
    exportProductivityReport: { query: { from: "2026-11-01", to: "2026-11-30", campaign: campaign.slug, user: maintainer.id } },
    // Gold marking of a draft is refused (409), and unmarking what is not gold is a 404: the data stays as it was.
    markGoldItem: { params: item, body: { expectedDecision: "reject", expectedScoreMin: 1, expectedScoreMax: 2, explanation: "fuzz" } },
    unmarkGoldItem: { params: item },
    getAgreementReport: { query: { campaignId: campaign.id, language: "gl" } },
    exportAgreementReport: { query: { campaignId: campaign.id, language: "gl" } },
    getMyReviewQuality: {},
    getProvenanceReport: { query: { from: "2026-11-01", to: "2026-11-30", campaignId: campaign.id } },
    exportProvenanceReport: { query: { from: "2026-11-01", to: "2026-11-30", campaignId: campaign.id } },
    listFlaggedSubmissions: { query: { from: "2026-11-01", to: "2026-11-30", campaignId: campaign.id, flag: "mostly_pasted" } },
  };
  world = { token, operations: documentedOperations(document), baselines };
  return world;
}

/** Rows and versions a refused write must not change (api_tokens.last_used_at moves on every request: left out). */
async function dataState(): Promise<string> {
  const [row] = await db().$queryRaw<{ state: string }[]>`
    SELECT json_build_array(
      (SELECT count(*) FROM users), (SELECT max(updated_at) FROM users),
      (SELECT count(*) FROM api_tokens), (SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL),
      (SELECT count(*) FROM campaigns), (SELECT max(updated_at) FROM campaigns), (SELECT count(*) FROM campaign_quotas),
      (SELECT count(*) FROM guidelines),
      (SELECT count(*) FROM items), (SELECT sum(version) FROM items), (SELECT max(updated_at) FROM items),
      (SELECT count(*) FROM item_revisions), (SELECT count(*) FROM reviews), (SELECT count(*) FROM adjudications),
      (SELECT count(*) FROM releases), (SELECT count(*) FROM releases WHERE published_at IS NOT NULL),
      (SELECT count(*) FROM audit_events),
      (SELECT coalesce(sum(active_seconds), 0) FROM active_time), (SELECT count(*) FROM activity_beats),
      (SELECT count(*) FROM pay_periods), (SELECT count(*) FROM pay_periods WHERE status = 'closed'),
      (SELECT count(*) FROM adjustments), (SELECT count(*) FROM statements),
      (SELECT count(*) FROM gold_items), (SELECT count(*) FROM review_checks),
      (SELECT count(*) FROM account_links), (SELECT count(*) FROM account_links WHERE used_at IS NOT NULL)
    )::text AS state`;
  return row!.state;
}

const isWrite = (method: string) => method !== "GET";

/** Sends one case and returns what is wrong with the answer (nothing, usually). */
async function sendCase(request: APIRequestContext, token: string, fuzzCase: FuzzCase): Promise<{ refused: boolean; failures: string[] }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (fuzzCase.authorization === "token") headers.authorization = `Bearer ${token}`;
  else if (fuzzCase.authorization !== "none") headers.authorization = fuzzCase.authorization;
  const response = await request.fetch(fuzzCase.url, {
    method: fuzzCase.method,
    headers,
    data: fuzzCase.body,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const status = response.status();
  const text = await response.text();
  const where = `${fuzzCase.method} ${fuzzCase.operationId} [${fuzzCase.label}] → ${status}`;
  const failures: string[] = [];
  if (status >= 500) failures.push(`${where}: ${text.slice(0, 200)}`);
  else if (fuzzCase.expected === "invalid" && ![400, 413, 422].includes(status)) failures.push(`${where}: wrong in itself, yet not refused as invalid`);
  else if (fuzzCase.expected === "refused" && status < 400) failures.push(`${where}: accepted, but it should be refused`);
  const refused = status >= 400 && status < 500;
  if (refused) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Reported below as not the error shape.
    }
    const shape = apiErrorSchema.strict().safeParse(parsed);
    if (!shape.success) failures.push(`${where}: not the one error shape: ${text.slice(0, 160)}`);
    else if (status === 422 && fuzzCase.expected === "invalid" && fuzzCase.field) {
      const fields = shape.data.error.fields.map((problem) => problem.field);
      const spoiled = fuzzCase.field;
      if (!fields.some((field) => field === spoiled || field.startsWith(`${spoiled}.`))) {
        failures.push(`${where}: names ${JSON.stringify(fields)}, not ${spoiled}`);
      }
    }
  }
  return { refused, failures };
}

/**
 * Sends every case and returns one line per broken expectation. Cases that must be refused go four at a time, with
 * the data compared before and after each operation's batch; cases the app may accept go one by one, so a change
 * made by an accepted one is never blamed on a refused one.
 */
async function runCases(request: APIRequestContext, token: string, cases: FuzzCase[]): Promise<string[]> {
  const failures: string[] = [];
  const batches: FuzzCase[][] = [];
  for (const fuzzCase of cases) {
    const last = batches.at(-1);
    const mayBeAccepted = fuzzCase.expected === "any";
    const sameBatch = last && !mayBeAccepted && last[0]!.expected !== "any" && last[0]!.operationId === fuzzCase.operationId;
    if (sameBatch) last.push(fuzzCase);
    else batches.push([fuzzCase]);
  }
  for (const batch of batches) {
    const writes = isWrite(batch[0]!.method);
    const before = writes ? await dataState() : null;
    const results: { refused: boolean; failures: string[] }[] = [];
    for (let start = 0; start < batch.length; start += 4) {
      results.push(...(await Promise.all(batch.slice(start, start + 4).map((fuzzCase) => sendCase(request, token, fuzzCase)))));
    }
    failures.push(...results.flatMap((result) => result.failures));
    if (before !== null && results.every((result) => result.refused) && (await dataState()) !== before) {
      failures.push(`${batch[0]!.method} ${batch[0]!.operationId}: refused (${batch.map((fuzzCase) => fuzzCase.label).join("; ").slice(0, 300)}), yet the data changed`);
    }
  }
  return failures;
}

function operationsWithBaselines(current: World): DocumentedOperation[] {
  const missing = current.operations.filter((operation) => !current.baselines[operation.operationId]).map((operation) => operation.operationId);
  expect(missing, "every documented operation needs a baseline request in this spec").toEqual([]);
  for (const operation of current.operations) {
    const body = current.baselines[operation.operationId]?.body;
    if (operation.bodySchema) {
      const validate = bodyValidator(operation.bodySchema);
      expect(validate(body ?? {}), `${operation.operationId}'s baseline body follows its documented schema: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  }
  return current.operations;
}

test.describe("every API operation under hostile input", () => {
  test.describe.configure({ timeout: 110_000 });

  test(`request bodies: each field spoiled in turn, then the whole body (seed ${FUZZ_SEED})`, async ({ request }) => {
    // The writing counters (three objects of eleven numbers, in three operations) roughly doubled the body cases.
    test.setTimeout(240_000);
    const current = await seedWorld(request);
    const operations = operationsWithBaselines(current);
    expect(operations.length).toBeGreaterThanOrEqual(30);
    const random = seededRandom(FUZZ_SEED);
    const cases = operations.flatMap((operation) => bodyCases(operation, current.baselines[operation.operationId]!, random));
    expect(cases.length).toBeGreaterThan(500);
    expect(await runCases(request, current.token, cases)).toEqual([]);
  });

  test("path parameters: bad percent-encoding, NUL, overflow and length in each one", async ({ request }) => {
    const current = await seedWorld(request);
    const cases = operationsWithBaselines(current).flatMap((operation) => pathCases(operation, current.baselines[operation.operationId]!));
    expect(cases.length).toBeGreaterThan(200);
    expect(await runCases(request, current.token, cases)).toEqual([]);
  });

  test("query strings and credentials: spoiled parameters, no token, tokens that are not valid", async ({ request }) => {
    const current = await seedWorld(request);
    const operations = operationsWithBaselines(current);
    const cases = operations.flatMap((operation) => [
      ...queryCases(operation, current.baselines[operation.operationId]!),
      ...authenticationCases(operation, current.baselines[operation.operationId]!),
    ]);
    expect(await runCases(request, current.token, cases)).toEqual([]);
  });
});
