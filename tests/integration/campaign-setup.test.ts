// Campaign setup against the real database: editing settings and rates, the quota grid, soft and hard quotas when a
// draft starts, and opening for writing only with a guideline in every language. Every refusal leaves the data as it was.
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { after, describe, test } from "node:test";
import { ZodError } from "zod";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { getQuotas } from "@/lib/campaigns/get-quotas";
import { publishGuideline } from "@/lib/campaigns/publish-guideline";
import { replaceQuotas } from "@/lib/campaigns/replace-quotas";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toAppError } from "@/lib/http/error-response";
import { createDraft } from "@/lib/items/create-draft";
import { submitItem } from "@/lib/items/submit-item";
import { updateDraft } from "@/lib/items/update-draft";
import { claimNextItem } from "@/lib/reviews/claim-next-item";
import { decideReview } from "@/lib/reviews/decide-review";
import type { ItemCategory, ItemLanguage, ItemStatus } from "@/lib/vocabulary";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { FULL_MARKS } from "@/tests/support/seed-approved-items";
import { submitTestItem, uniqueTextTag } from "@/tests/support/seed-submitted-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

const maintainer = async () => viewerOf(await createTestUser("maintainer", ["es", "ca", "eu", "gl"]));

/** The field names a refusal carries, whether the schema (ZodError) or the use case (AppError) refused. */
function refusedFields(error: unknown): string[] {
  const appError = error instanceof ZodError || error instanceof AppError ? toAppError(error) : null;
  return appError ? appError.fields.map((problem) => problem.field) : [];
}

function refusal(code: string, field?: string) {
  return (error: unknown) => {
    const appError = toAppError(error);
    assert.equal(appError?.code, code, `expected ${code}, got ${String(error)}`);
    if (field) assert.ok(refusedFields(error).includes(field), `expected ${field} named, got ${refusedFields(error).join(", ")}`);
    return true;
  };
}

/** The rows a refused change must not touch. */
async function campaignState(campaignId: string) {
  const campaign = await db().campaign.findUniqueOrThrow({ where: { id: campaignId }, include: { quotas: { orderBy: [{ language: "asc" }, { category: "asc" }] } } });
  const auditEvents = await db().auditEvent.count({ where: { subjectId: campaignId } });
  return JSON.stringify({ ...campaign, auditEvents });
}

/** Items in a cell in a given state, inserted as rows: the count is what matters here, not how they got there. */
async function insertItems(campaignId: string, cell: { language: ItemLanguage; category: ItemCategory }, status: ItemStatus, count: number) {
  const author = await createTestUser("annotator", [cell.language]);
  await db().item.createMany({
    data: Array.from({ length: count }, () => ({
      id: randomUUID(),
      campaignId,
      authorId: author.id,
      ...cell,
      status,
      instruction: `Relleno ${randomBytes(4).toString("hex")}`,
      response: "Relleno.",
      reviewRound: status === "draft" ? 0 : 1,
      submittedAt: status === "draft" ? null : new Date(),
    })),
  });
}

describe("editing a campaign", () => {
  test("a maintainer changes every setting; rates stay exact decimal strings and the change is audited", async () => {
    const actor = await maintainer();
    const campaign = await createTestCampaign({ languages: ["es", "gl"] });
    const updated = await updateCampaign(actor, campaign.id, {
      name: "Campaña de otoño",
      description: "Preguntas abiertas.",
      languages: ["gl", "es"],
      categories: ["open_qa", "closed_qa"],
      approvalsRequired: 2,
      ratePerApprovedItem: "3.05",
      ratePerReview: "0.4",
      currency: "USD",
      quotaMode: "hard",
      status: "closed",
    });
    assert.equal(updated.name, "Campaña de otoño");
    assert.deepEqual(updated.languages, ["es", "gl"]);
    assert.deepEqual(updated.categories, ["open_qa", "closed_qa"]);
    assert.equal(updated.approvalsRequired, 2);
    assert.equal(updated.ratePerApprovedItem, "3.05");
    assert.equal(updated.ratePerReview, "0.40");
    assert.equal(updated.currency, "USD");
    assert.equal(updated.quotaMode, "hard");
    assert.equal(updated.status, "closed");
    const [stored] = await db().$queryRaw<{ rate: string; review: string }[]>`
      SELECT rate_per_approved_item::text AS rate, rate_per_review::text AS review FROM campaigns WHERE id = ${campaign.id}::uuid`;
    assert.deepEqual(stored, { rate: "3.05", review: "0.40" });
    const event = await db().auditEvent.findFirstOrThrow({ where: { subjectId: campaign.id, action: "campaign.updated" }, orderBy: { createdAt: "desc" } });
    assert.equal((event.payload as { ratePerApprovedItem?: string }).ratePerApprovedItem, "3.05");
    const unpaid = await updateCampaign(actor, campaign.id, { ratePerReview: null });
    assert.equal(unpaid.ratePerReview, null, "reviews can stop being paid");
  });

  test("rates with more than two decimals, negative or not numbers are refused naming the field, and nothing is written", async () => {
    const actor = await maintainer();
    const campaign = await createTestCampaign({ languages: ["es"] });
    const before = await campaignState(campaign.id);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ratePerApprovedItem: "1.505" }, "ratePerApprovedItem", /two decimals/],
      [{ ratePerApprovedItem: "-1.00" }, "ratePerApprovedItem", /negative/],
      [{ ratePerApprovedItem: "1e3" }, "ratePerApprovedItem", /amount/],
      [{ ratePerApprovedItem: 1.5 }, "ratePerApprovedItem", /string/],
      [{ ratePerReview: "0.333" }, "ratePerReview", /two decimals/],
      [{ ratePerReview: "-0.10", name: "Renamed" }, "ratePerReview", /negative/],
    ];
    for (const [input, field, message] of cases) {
      await assert.rejects(updateCampaign(actor, campaign.id, input as never), (error) => {
        refusal("validation_failed", field)(error);
        assert.match(toAppError(error)!.fields.find((problem) => problem.field === field)!.message, message);
        return true;
      });
    }
    await assert.rejects(
      createCampaign(actor, { slug: `rate-${randomBytes(3).toString("hex")}`, name: "x", languages: ["es"], categories: ["open_qa"], ratePerReview: "2.999" }),
      refusal("validation_failed", "ratePerReview"),
    );
    assert.equal(await campaignState(campaign.id), before);
  });

  test("a new rate pays approvals from then on; what was earned keeps the rate of its moment", async () => {
    const actor = await maintainer();
    const campaign = await createTestCampaign({ languages: ["ca"] });
    const author = await createTestUser("annotator", ["ca"]);
    const reviewer = viewerOf(await createTestUser("reviewer", ["ca"]));
    const approve = async (tag: string) => {
      const item = await submitTestItem(author, campaign.id, "ca", tag);
      const lease = await claimNextItem(reviewer, { language: "ca", campaignId: campaign.id });
      assert.equal(lease?.item.id, item.id);
      await decideReview(reviewer, item.id, { version: lease!.item.version, decision: "approve", scores: FULL_MARKS, comment: "" });
      return item.id;
    };
    const first = await approve(`tarifa antiga ${uniqueTextTag()}`);
    await updateCampaign(actor, campaign.id, { ratePerApprovedItem: "3.10" });
    const second = await approve(`tarifa nova ${uniqueTextTag()}`);
    const earned = await db().$queryRaw<{ item_id: string; amount: string }[]>`
      SELECT item_id::text, amount::text FROM earnings WHERE campaign_id = ${campaign.id}::uuid AND kind = 'item'`;
    const byItem = Object.fromEntries(earned.map((line) => [line.item_id, line.amount]));
    assert.deepEqual(byItem, { [first]: "2.50", [second]: "3.10" });
    await assert.rejects(updateCampaign(actor, campaign.id, { currency: "USD" }), refusal("conflict", "currency"));
  });

  test("a language or category with items cannot be removed; one without items can, with its quota cells", async () => {
    const actor = await maintainer();
    const campaign = await createTestCampaign({ languages: ["es", "gl"] });
    await replaceQuotas(actor, campaign.id, {
      quotas: [
        { language: "es", category: "open_qa", target: 4 },
        { language: "gl", category: "open_qa", target: 5 },
        { language: "es", category: "brainstorming", target: 6 },
      ],
    });
    await insertItems(campaign.id, { language: "gl", category: "open_qa" }, "draft", 1);
    const before = await campaignState(campaign.id);
    await assert.rejects(updateCampaign(actor, campaign.id, { languages: ["es"], name: "Sin gallego" }), (error) => {
      refusal("conflict", "languages")(error);
      assert.deepEqual((error as AppError).details, { reason: "languages_in_use", languages: ["gl"] });
      return true;
    });
    await assert.rejects(updateCampaign(actor, campaign.id, { categories: ["closed_qa"] }), (error) => {
      refusal("conflict", "categories")(error);
      assert.deepEqual((error as AppError).details, { reason: "categories_in_use", categories: ["open_qa"] });
      return true;
    });
    assert.equal(await campaignState(campaign.id), before, "nothing written");

    const narrowed = await updateCampaign(actor, campaign.id, { languages: ["gl"], categories: ["open_qa", "closed_qa"] });
    assert.deepEqual(narrowed.languages, ["gl"]);
    assert.deepEqual(narrowed.quotas, [{ language: "gl", category: "open_qa", target: 5 }]);
  });
});

describe("opening a campaign for writing", () => {
  test("creating a campaign active is refused, listing every language without a guideline; a new campaign starts as a draft", async () => {
    const actor = await maintainer();
    const slug = `open-${randomBytes(4).toString("hex")}`;
    await assert.rejects(
      createCampaign(actor, { slug, name: "Abierta", status: "active", languages: ["gl", "eu"], categories: ["open_qa"] }),
      (error) => {
        refusal("conflict", "status")(error);
        assert.deepEqual((error as AppError).details, { reason: "guidelines_missing", languages: ["eu", "gl"] });
        return true;
      },
    );
    assert.equal(await db().campaign.count({ where: { slug } }), 0, "nothing written");
    const created = await createCampaign(actor, { slug, name: "Borrador", languages: ["gl"], categories: ["open_qa"] });
    assert.equal(created.status, "draft");
    assert.equal(created.quotaMode, "soft");
    assert.equal(created.ratePerReview, null);
  });

  test("a campaign opens only once every language has a guideline, and cannot gain one without it while open", async () => {
    const actor = await maintainer();
    const campaign = await createCampaign(actor, {
      slug: `open-${randomBytes(4).toString("hex")}`,
      name: "Por abrir",
      languages: ["es", "eu", "gl"],
      categories: ["open_qa"],
    });
    await publishGuideline(actor, campaign.id, { language: "es", body: "# Pautas" });
    const before = await campaignState(campaign.id);
    await assert.rejects(updateCampaign(actor, campaign.id, { status: "active", name: "Abierta" }), (error) => {
      refusal("conflict", "status")(error);
      assert.deepEqual((error as AppError).details, { reason: "guidelines_missing", languages: ["eu", "gl"] });
      return true;
    });
    assert.equal(await campaignState(campaign.id), before, "nothing written");

    await publishGuideline(actor, campaign.id, { language: "eu", body: "# Jarraibideak" });
    await publishGuideline(actor, campaign.id, { language: "gl", body: "# Pautas" });
    assert.equal((await updateCampaign(actor, campaign.id, { status: "active" })).status, "active");
    await assert.rejects(updateCampaign(actor, campaign.id, { languages: ["es", "eu", "gl", "ca"] }), (error) => {
      assert.deepEqual((error as AppError).details, { reason: "guidelines_missing", languages: ["ca"] });
      return true;
    });
  });
});

describe("the quota grid", () => {
  test("PUT replaces the whole grid and GET reads it back; cells left out have no target", async () => {
    const actor = await maintainer();
    const campaign = await createTestCampaign({ languages: ["es", "gl"] });
    await replaceQuotas(actor, campaign.id, {
      quotas: [
        { language: "gl", category: "open_qa", target: 10 },
        { language: "es", category: "closed_qa", target: 0 },
      ],
    });
    const grid = await replaceQuotas(actor, campaign.id, {
      quotas: [
        { language: "gl", category: "brainstorming", target: 7 },
        { language: "es", category: "open_qa", target: 3 },
      ],
    });
    const expected = [
      { language: "es", category: "open_qa", target: 3 },
      { language: "gl", category: "brainstorming", target: 7 },
    ];
    assert.deepEqual(grid.quotas, expected);
    assert.deepEqual((await getQuotas(actor, campaign.id)).quotas, expected);
    const writer = viewerOf(await createTestUser("annotator", ["gl"]));
    assert.deepEqual((await getQuotas(writer, campaign.id)).quotas, expected, "writers of the campaign's languages see it");
    const outsider = viewerOf(await createTestUser("annotator", ["eu"]));
    await assert.rejects(getQuotas(outsider, campaign.id), refusal("not_found"));
    await assert.rejects(replaceQuotas(writer, campaign.id, { quotas: [] }), refusal("forbidden"));
  });

  test("negative, fractional, huge or missing targets, cells listed twice or outside the campaign: 422 naming quotas.<i>, nothing written", async () => {
    const actor = await maintainer();
    const campaign = await createTestCampaign({ languages: ["es", "gl"] });
    await replaceQuotas(actor, campaign.id, { quotas: [{ language: "es", category: "open_qa", target: 2 }] });
    await db().campaign.update({ where: { id: campaign.id }, data: { categories: ["open_qa", "closed_qa"] } });
    const before = await campaignState(campaign.id);
    const good = { language: "gl", category: "open_qa", target: 1 };
    const cases: [unknown[], string][] = [
      [[good, { language: "es", category: "open_qa", target: -1 }], "quotas.1.target"],
      [[good, { language: "es", category: "open_qa", target: 2.5 }], "quotas.1.target"],
      [[{ language: "es", category: "open_qa", target: 1e12 }], "quotas.0.target"],
      [[{ language: "es", category: "open_qa", target: "3" }], "quotas.0.target"],
      [[{ language: "es", category: "open_qa" }], "quotas.0.target"],
      [[good, good], "quotas.1"],
      [[good, { language: "eu", category: "open_qa", target: 1 }], "quotas.1.language"],
      [[{ language: "es", category: "brainstorming", target: 1 }, good], "quotas.0.category"],
    ];
    for (const [quotas, field] of cases) {
      await assert.rejects(replaceQuotas(actor, campaign.id, { quotas } as never), refusal("validation_failed", field));
    }
    assert.equal(await campaignState(campaign.id), before, "nothing written");
  });
});

describe("quotas when a draft starts", () => {
  const cell = { language: "gl", category: "open_qa" } as const;

  async function campaignWithFullCell(quotaMode: "soft" | "hard") {
    const actor = await maintainer();
    const campaign = await createTestCampaign({ languages: ["gl"] });
    await updateCampaign(actor, campaign.id, { quotaMode });
    await replaceQuotas(actor, campaign.id, { quotas: [{ ...cell, target: 3 }, { language: "gl", category: "closed_qa", target: 3 }] });
    await insertItems(campaign.id, cell, "approved", 2);
    await insertItems(campaign.id, cell, "changes_requested", 1);
    await insertItems(campaign.id, cell, "rejected", 1);
    await insertItems(campaign.id, cell, "draft", 2);
    return campaign;
  }

  test("hard: a full cell (approved + in review reach the target) refuses new drafts with 409 naming the cell; nothing written", async () => {
    const campaign = await campaignWithFullCell("hard");
    const writer = await createTestUser("annotator", ["gl"]);
    const earlyDraft = await createDraft(viewerOf(writer), { campaignId: campaign.id, ...cell, instruction: "Cal é o río máis longo de Galicia?" });
    assert.deepEqual(earlyDraft.warnings, [], "2 of 3 filled: drafts, sent-back and rejected items do not count");
    await insertItems(campaign.id, cell, "submitted", 1);

    const items = await db().item.count({ where: { campaignId: campaign.id } });
    await assert.rejects(createDraft(viewerOf(writer), { campaignId: campaign.id, ...cell }), (error) => {
      refusal("conflict")(error);
      assert.deepEqual((error as AppError).details, { reason: "quota_full", language: "gl", category: "open_qa", target: 3, filled: 3 });
      return true;
    });
    assert.equal(await db().item.count({ where: { campaignId: campaign.id } }), items, "nothing written");

    const elsewhere = await createDraft(viewerOf(writer), { campaignId: campaign.id, language: "gl", category: "closed_qa" });
    assert.deepEqual(elsewhere.warnings, [], "other cells are open");
    // The draft started before the cell filled up is not held back: it saves and goes to review.
    const saved = await updateDraft(viewerOf(writer), earlyDraft.id, {
      version: earlyDraft.version,
      response: "O río máis longo de Galicia é o Miño, que nace na Serra de Meira e desemboca no Atlántico.",
    });
    const submitted = await submitItem(viewerOf(writer), earlyDraft.id, { version: saved.version });
    assert.equal(submitted.item.status, "submitted");
  });

  test("soft: a draft in a full cell is created and carries a warning naming the cell", async () => {
    const campaign = await campaignWithFullCell("soft");
    await insertItems(campaign.id, cell, "submitted", 3);
    const writer = viewerOf(await createTestUser("annotator", ["gl"]));
    const draft = await createDraft(writer, { campaignId: campaign.id, ...cell });
    assert.equal(draft.status, "draft");
    assert.deepEqual(draft.warnings, [{ code: "quota_full", language: "gl", category: "open_qa", target: 3, filled: 5 }]);
    const open = await createDraft(writer, { campaignId: campaign.id, language: "gl", category: "closed_qa" });
    assert.deepEqual(open.warnings, []);
  });
});
