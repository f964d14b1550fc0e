// Campaign setup in Chromium: a maintainer edits a campaign's settings and its quota grid (typed and pasted from a
// spreadsheet, totals following), saves, reloads and finds it; a campaign without guidelines does not open, and says
// which languages lack one; in a full cell an annotator is warned (soft quotas) or cannot start a draft (hard quotas),
// and the page says why.
import { expect as baseExpect, test, type Locator, type Page } from "@playwright/test";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { publishGuideline } from "@/lib/campaigns/publish-guideline";
import { db, disconnectDb } from "@/lib/db";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { signInThroughForm } from "@/tests/e2e/helpers/session";

test.use({ locale: "en-US" });
// A long scenario on a build machine shared with other work: the first render of each page may take a while.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

async function signIn(page: Page, user: { email: string; password: string }, landsOn: RegExp) {
  await signInThroughForm(page, user.email, user.password);
  await expect(page).toHaveURL(landsOn);
}
test.afterAll(disconnectDb);

/** Pastes text into an input as a spreadsheet's copy would arrive: a paste event carrying text/plain. */
async function paste(input: Locator, text: string) {
  await input.evaluate((element, clipboardText) => {
    const data = new DataTransfer();
    data.setData("text/plain", clipboardText);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test("a maintainer edits a campaign and its quota grid; with hard quotas an annotator cannot start a draft in a full cell", async ({ page, browser }) => {
  const campaign = await createTestCampaign({ languages: ["es", "gl"] });
  // Another open Galician campaign, so the new-item page always has a campaign to choose.
  await createTestCampaign({ languages: ["gl"] });
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const unopened = await createCampaign(viewerOf(maintainer), {
    slug: `no-guides-${Date.now().toString(36)}`,
    name: "Without guidelines",
    languages: ["eu", "gl"],
    categories: ["open_qa"],
  });
  await publishGuideline(viewerOf(maintainer), unopened.id, { language: "gl", body: "# Pautas" });

  await signIn(page, maintainer, /\/admin\/users$/);
  await page.goto("/admin/campaigns");

  // Opening a campaign with a language that has no guideline is refused, naming that language.
  const unopenedCard = page.getByTestId(`campaign-${unopened.slug}`);
  await unopenedCard.getByRole("button", { name: "Open" }).click();
  await expect(unopenedCard.getByRole("alert")).toHaveText(
    "The campaign cannot open for writing until each of its languages has a published guideline. Missing: Basque.",
  );
  await expect(unopenedCard.locator("dl")).toContainText("Draft");

  // Settings: name, categories, rates and quota mode.
  const card = page.getByTestId(`campaign-${campaign.slug}`);
  await card.getByText("Edit settings").click();
  const settings = card.getByRole("form", { name: "Settings" });
  await settings.getByLabel("Name").fill("Autumn questions");
  for (const category of ["Classification", "Summary", "Information extraction", "Creative writing", "General question"]) {
    await settings.getByLabel(category).uncheck();
  }
  await settings.getByLabel("Pay per approved item").fill("3.05");
  await settings.getByLabel("Pay per review").fill("0.40");
  await expect(settings.getByText(/A new rate applies to items approved and reviews made from now on/)).toBeVisible();
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Settings saved.");
  await expect(card.getByRole("heading", { name: /Autumn questions/ })).toBeVisible();
  await expect(card.locator("dl")).toContainText("€3.05");
  await expect(card.locator("dl")).toContainText("€0.40");

  // A rate with three decimals is refused, naming the field.
  await settings.getByLabel("Pay per review").fill("0.405");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("alert")).toContainText("Rate per review: not a valid value.");
  await settings.getByLabel("Pay per review").fill("0.40");

  // The grid: Spanish and Galician × the three categories left. A two-row block pasted into the first cell fills both rows.
  const grid = card.getByRole("form", { name: "Quota grid" });
  const cell = (language: string, category: string) => grid.getByLabel(`Target for ${language}, ${category}`);
  await expect(grid.getByRole("columnheader")).toHaveText(["Language", "Open question", "Question about a text", "Brainstorming", "Total"]);
  await paste(cell("Spanish", "Open question"), "4\t5\t6\r\n1\t\t3\r\n");
  await expect(cell("Spanish", "Brainstorming")).toHaveValue("6");
  await expect(cell("Galician", "Open question")).toHaveValue("1");
  await expect(cell("Galician", "Question about a text")).toHaveValue("");
  await expect(grid.getByTestId("quota-total")).toHaveText("19");
  await cell("Galician", "Open question").fill("2");
  await expect(grid.getByTestId("quota-total-es")).toHaveText("15");
  await expect(grid.getByTestId("quota-total-gl")).toHaveText("5");
  await expect(grid.getByTestId("quota-total-open_qa")).toHaveText("6");
  await expect(grid.getByTestId("quota-total-brainstorming")).toHaveText("9");
  await expect(grid.getByTestId("quota-total")).toHaveText("20");
  await grid.getByRole("button", { name: "Save quotas" }).click();
  await expect(grid.getByRole("status")).toHaveText("Quotas saved.");

  await page.reload();
  await expect(cell("Spanish", "Open question")).toHaveValue("4");
  await expect(cell("Galician", "Open question")).toHaveValue("2");
  await expect(cell("Galician", "Question about a text")).toHaveValue("");
  await expect(grid.getByTestId("quota-total")).toHaveText("20");
  expect(await db().campaignQuota.count({ where: { campaignId: campaign.id } })).toBe(5);

  // Two Galician open questions in review fill the cell (target 2).
  const writer = await createTestUser("annotator", ["gl"]);
  await submitTestItem(writer, campaign.id, "gl", `cota ${Date.now()} a`);
  await submitTestItem(writer, campaign.id, "gl", `cota ${Date.now()} b`);

  const annotator = await createTestUser("annotator", ["gl"]);
  const annotatorPage = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signIn(annotatorPage, annotator, /\/work$/);
  const startDraft = async (category: string) => {
    await annotatorPage.goto("/work/new");
    await annotatorPage.locator('select[name="campaignId"]').selectOption(campaign.id);
    await annotatorPage.locator('select[name="language"]').selectOption("gl");
    await annotatorPage.locator('select[name="category"]').selectOption(category);
    await annotatorPage.getByRole("button", { name: "Start writing" }).click();
  };

  // Soft quotas: the draft starts, and the page says the cell is full before the editor opens.
  await startDraft("open_qa");
  const notice = annotatorPage.locator("form").getByRole("status");
  await expect(notice).toContainText("The quota for Galician · Open question is already full: your item may not be needed.");
  await expect(notice.getByRole("link", { name: "Open the draft anyway" })).toHaveAttribute("href", /\/work\/items\/[0-9a-f-]{36}$/);
  expect(await db().item.count({ where: { authorId: annotator.id } })).toBe(1);

  // Hard quotas.
  await card.getByText("Edit settings").click();
  await settings.getByLabel("Quotas").selectOption("hard");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Settings saved.");
  await expect(card.locator("dl")).toContainText("Hard (a full cell takes no new drafts)");

  await startDraft("open_qa");
  await expect(annotatorPage.locator("form").getByRole("alert")).toHaveText(
    "The quota for Galician · Open question is full: this campaign takes no new items there. Choose another language or category.",
  );
  await expect(annotatorPage).toHaveURL(/\/work\/new$/);
  expect(await db().item.count({ where: { authorId: annotator.id } })).toBe(1);

  // Another cell still takes drafts.
  await startDraft("brainstorming");
  await expect(annotatorPage).toHaveURL(/\/work\/items\/[0-9a-f-]{36}$/);
  await annotatorPage.context().close();
});
