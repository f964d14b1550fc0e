// Campaign progress as people see it: the page's numbers and burn-up chart move after approvals, a writer is started
// on the most needed cell, and in Basque the figures and dates are Basque.
import { expect, test, type Page } from "@playwright/test";
import { db, disconnectDb } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import { submitItem } from "@/lib/items/submit-item";
import { decideReview } from "@/lib/reviews/decide-review";
import type { ItemCategory } from "@/lib/vocabulary";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser, type TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { claimItem } from "@/tests/support/claim-item";
import { signInThroughForm } from "@/tests/e2e/helpers/session";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);
// Several page loads and sign-ins per test, on a machine other work keeps busy.
test.describe.configure({ timeout: 150_000 });

const GALICIAN = [
  {
    instruction: "Por que se di que o polbo á feira se debe servir en prato de madeira?",
    response:
      "Porque a madeira absorbe a auga que solta o polbo e mantén a calor sen arrefriar tan axiña coma a louza, así que o polbo chega á mesa quente, co aceite e o pemento ben pegados.",
  },
  {
    instruction: "Explica por que as rías galegas son tan boas para cultivar mexillón.",
    response:
      "Nas rías mestúranse a auga doce dos ríos e a auga salgada do mar, e os ventos do norte fan subir auga fonda chea de nutrientes; o plancto abunda e os mexillóns das bateas medran moi rápido.",
  },
];

async function setQuotas(campaignId: string, quotas: [ItemCategory, number][]) {
  await db().campaignQuota.createMany({ data: quotas.map(([category, target]) => ({ campaignId, language: "gl" as const, category, target })) });
}

async function submitGalician(author: TestUser, campaignId: string, index: number) {
  const viewer = viewerOf(author);
  const draft = await createDraft(viewer, { campaignId, language: "gl", category: "open_qa", ...GALICIAN[index]! });
  return (await submitItem(viewer, draft.id, { version: draft.version })).item;
}

async function approve(itemId: string, campaignId: string) {
  const reviewer = viewerOf(await createTestUser("reviewer", ["gl"]));
  // Approved in the order they were submitted: each is the oldest in its own campaign's queue.
  const lease = await claimItem(reviewer, { id: itemId, campaignId, language: "gl" });
  await decideReview(reviewer, itemId, {
    version: lease.item.version,
    decision: "approve",
    scores: { instruction: 5, correctness: 5, fluency: 5, safety: 5, guidelines: 5 },
    comment: "",
  });
}

/** Signing in, with room for a first request that finds the app still cold on a busy machine. */
async function signIn(page: Page, user: TestUser, landsOn: RegExp) {
  await signInThroughForm(page, user.email, user.password);
  await expect(page).toHaveURL(landsOn, { timeout: 30_000 });
}

/** The figures of one grid row: target, approved, in review, drafts, remaining, % done. */
async function rowFigures(page: Page, testId: string) {
  return page.getByTestId(testId).locator("td").allInnerTexts();
}

test("after approvals the progress page's numbers and the burn-up chart move", async ({ page }) => {
  const campaign = await createTestCampaign({ languages: ["gl"] });
  await setQuotas(campaign.id, [["open_qa", 4]]);
  // Opened ten days ago, so the chart has a line to draw before the first approval.
  await db().campaign.update({ where: { id: campaign.id }, data: { createdAt: new Date(Date.now() - 10 * 86_400_000) } });
  const author = await createTestUser("annotator", ["gl"]);
  const items = [await submitGalician(author, campaign.id, 0), await submitGalician(author, campaign.id, 1)];
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);

  await signIn(page, maintainer, /\/admin\/users$/);
  await page.goto("/admin/campaigns");
  await page.getByTestId(`campaign-${campaign.slug}`).getByRole("link", { name: "Progress" }).click();
  await expect(page).toHaveURL(`/campaigns/${campaign.slug}/progress`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Progress: ${campaign.name}`);
  const cell = "progress-cell-gl-open_qa";
  expect((await rowFigures(page, cell)).slice(1)).toEqual(["4", "0", "2", "0", "2", "0%"]);
  await expect(page.getByTestId("summary-approved")).toHaveText("0");
  const line = page.getByTestId("burn-up-chart").locator(".recharts-line-curve").first();
  // A flat line has no height, so Playwright calls it hidden: wait for its path instead.
  await expect(line).toHaveAttribute("d", /^M/, { timeout: 30_000 });
  const lineBefore = await line.getAttribute("d");
  const today = page.getByTestId("burn-up-table").locator("tbody tr").last();
  await expect(today.locator("td").first()).toHaveText("0");

  for (const item of items) await approve(item.id, campaign.id);
  await page.reload();
  expect((await rowFigures(page, cell)).slice(1)).toEqual(["4", "2", "0", "0", "2", "50%"]);
  expect((await rowFigures(page, "progress-total")).slice(0)).toEqual(["4", "2", "0", "0", "2", "50%"]);
  await expect(page.getByTestId("summary-approved")).toHaveText("2");
  await expect(today.locator("td").first()).toHaveText("2");
  await expect(line).toHaveAttribute("d", /^M/, { timeout: 30_000 });
  expect(await line.getAttribute("d")).not.toBe(lineBefore);
  // Two approvals in 14 days, two missing: one a week, due in 14 days.
  await expect(page.getByTestId("progress-outlook")).toContainText("2 approvals are still missing");
});

test("a writer's new-item page starts on the most needed cell and lists full cells as full", async ({ page }) => {
  const campaign = await createTestCampaign({ languages: ["gl"] });
  // Targets larger than any other spec's, so this campaign's cells lead the list.
  await setQuotas(campaign.id, [
    ["open_qa", 1],
    ["brainstorming", 9_000],
    ["summarization", 9_002],
  ]);
  const filler = await createTestUser("annotator", ["gl"]);
  await db().item.create({
    data: { campaignId: campaign.id, authorId: filler.id, language: "gl", category: "open_qa", status: "approved", approvedAt: new Date() },
  });
  // Three in review, leased far ahead so that no other spec's reviewer is handed them.
  const leaseHolder = await createTestUser("reviewer", ["gl"]);
  const inReview = await db().item.createManyAndReturn({
    data: Array.from({ length: 3 }, () => ({
      campaignId: campaign.id,
      authorId: filler.id,
      language: "gl" as const,
      category: "summarization" as const,
      status: "submitted" as const,
      submittedAt: new Date(),
    })),
    select: { id: true },
  });
  await db().reviewLease.createMany({
    data: inReview.map(({ id }) => ({ itemId: id, reviewerId: leaseHolder.id, expiresAt: new Date(Date.now() + 86_400_000) })),
  });
  const writer = await createTestUser("annotator", ["gl"]);

  await signIn(page, writer, /\/work$/);
  await page.getByRole("link", { name: "New item" }).click();
  // summarization: 9,002 − 3 in review = 8,999, one less than brainstorming's 9,000.
  await expect(page.getByTestId(`steer-${campaign.id}-gl-brainstorming`).getByRole("radio")).toBeChecked();
  await expect(page.locator('select[name="category"]')).toHaveValue("brainstorming");
  await expect(page.locator('select[name="language"]')).toHaveValue("gl");
  await expect(page.getByRole("combobox", { name: "Campaign" })).toHaveValue(campaign.id);
  await expect(page.getByTestId("category-description")).toHaveText("Ask for several ideas, options or suggestions; the response lists them.");
  await expect(page.getByTestId(`steer-${campaign.id}-gl-summarization`)).toContainText("8,999 more needed of 9,002");
  await expect(page.getByTestId(`steer-${campaign.id}-gl-open_qa`)).toContainText("full");
  const labels = await page.getByTestId("steering").locator("label").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-testid")));
  expect(labels.indexOf(`steer-${campaign.id}-gl-brainstorming`)).toBe(0);
  expect(labels.indexOf(`steer-${campaign.id}-gl-summarization`)).toBe(1);
  // Full cells come last; other specs running beside this one may have full cells of their own there too.
  const ours = labels.filter((label) => label?.startsWith(`steer-${campaign.id}-`));
  expect(ours.at(-1)).toBe(`steer-${campaign.id}-gl-open_qa`);
  const fullCells = await page.getByTestId("steering").locator("label").evaluateAll((nodes) =>
    nodes.map((node) => node.textContent?.includes("full") ?? false),
  );
  expect(fullCells.slice(fullCells.indexOf(true)).every(Boolean)).toBe(true);

  await page.getByRole("button", { name: "Start writing" }).click();
  await expect(page).toHaveURL(/\/work\/items\//);
  const itemId = page.url().split("/").at(-1)!;
  const draft = await db().item.findUniqueOrThrow({ where: { id: itemId } });
  expect([draft.campaignId, draft.language, draft.category]).toEqual([campaign.id, "gl", "brainstorming"]);
});

test.describe("in Basque", () => {
  test("the progress page's numbers and dates are Basque, for a reviewer who sees only their language", async ({ page }) => {
    const campaign = await createTestCampaign({ languages: ["eu", "gl"] });
    await db().campaignQuota.createMany({
      data: [
        { campaignId: campaign.id, language: "eu", category: "open_qa", target: 12_345 },
        { campaignId: campaign.id, language: "gl", category: "open_qa", target: 7 },
      ],
    });
    const author = await createTestUser("annotator", ["eu"]);
    await db().item.createMany({
      data: Array.from({ length: 25 }, () => ({
        campaignId: campaign.id,
        authorId: author.id,
        language: "eu" as const,
        category: "open_qa" as const,
        status: "approved" as const,
        approvedAt: new Date(),
      })),
    });
    const reviewer = await createTestUser("reviewer", ["eu"]);
    await db().user.update({ where: { id: reviewer.id }, data: { uiLocale: "eu" } });

    await signIn(page, reviewer, /\/review$/);
    await page.getByRole("navigation").getByRole("link", { name: "Aurrerapena", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kanpainen aurrerapena");
    await page.locator(`a[href="/campaigns/${campaign.slug}/progress"]`).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Aurrerapena: ${campaign.name}`);
    // Only Basque rows: the Galician quota is not this reviewer's business.
    await expect(page.getByTestId("progress-total-gl")).toHaveCount(0);

    const response = await page.request.get(`/api/v1/campaigns/${campaign.id}/progress`);
    const progress = (await response.json()) as { today: string; languages: string[] };
    expect(progress.languages).toEqual(["eu"]);
    // Basque as full ICU writes it (Node's; the page formats on the server, so a browser without Basque data still
    // shows Basque), and English for contrast.
    const day = new Date(`${progress.today}T00:00:00Z`);
    const expected = {
      date: new Intl.DateTimeFormat("eu", { dateStyle: "long", timeZone: "UTC" }).format(day),
      englishDate: new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(day),
      target: new Intl.NumberFormat("eu").format(12_345),
      // 25 of 12,345 is 0.2025 %, shown to one decimal.
      percent: new Intl.NumberFormat("eu", { style: "percent", maximumFractionDigits: 1 }).format(0.002),
    };
    expect(expected.date).toMatch(/\(e\)ko/);
    expect([expected.target, expected.percent]).toEqual(["12.345", "%\u00a00,2"]);
    expect(expected.date).not.toBe(expected.englishDate);
    await expect(page.getByTestId("progress-as-of")).toContainText(expected.date);
    expect((await rowFigures(page, "progress-cell-eu-open_qa")).slice(1, 3)).toEqual([expected.target, "25"]);
    expect((await rowFigures(page, "progress-cell-eu-open_qa")).at(-1)).toBe(expected.percent);
    await expect(page.getByTestId("burn-up-chart")).toContainText("Eguna");
    await page.getByTestId("burn-up-chart").getByText("Grafikoaren datuak taula batean").click();
    await expect(page.getByTestId("burn-up-table").locator("tbody tr").last().locator("th")).toHaveText(expected.date);
  });

  test("the API refuses progress to someone with none of the campaign's languages", async ({ page }) => {
    const campaign = await createTestCampaign({ languages: ["eu"] });
    const outsider = await createTestUser("annotator", ["gl"]);
    await signIn(page, outsider, /\/work$/);
    expect((await page.request.get(`/api/v1/campaigns/${campaign.id}/progress`)).status()).toBe(403);
    expect((await page.request.get(`/api/v1/campaigns/00000000-0000-4000-8000-000000000000/progress`)).status()).toBe(404);
    const forbidden = await page.goto(`/campaigns/${campaign.slug}/progress`);
    expect(forbidden?.status()).toBe(403);
  });
});
