// What issue 15 found on phones and in the words, as a person meets it: the header's links behind a Menu button at
// 390 px, a skip link, My work's statuses with colour and counts, filters that apply at once, a notice for sent-back
// items and Delete in its own column; language names in lowercase inside a Spanish sentence; personal-data types in
// words on the review screen; one heading level for the guideline in its panel; cited clauses linked to their text.
import { expect, test } from "@playwright/test";
import { disconnectDb } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import { submitItem } from "@/lib/items/submit-item";
import { decideReview } from "@/lib/reviews/decide-review";
import { claimItem } from "@/tests/support/claim-item";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { signIn, signInThroughForm } from "@/tests/e2e/helpers/session";

test.afterAll(disconnectDb);
// Several people and pages per test, on a shared two-core machine.
test.describe.configure({ timeout: 120_000 });

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("on a phone the header's links open from a Menu button with the keyboard, and nothing scrolls sideways", async ({ page }) => {
    const maintainer = await createTestUser("maintainer", ["es"]);
    await page.setViewportSize({ width: 390, height: 844 });
    await signInThroughForm(page, maintainer.email, maintainer.password);
    // The first sign-in may meet a cold server (this spec can run first).
    await expect(page).toHaveURL(/\/admin\/users$/, { timeout: 30_000 });
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    const menu = nav.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("link", { name: "Settings" })).toBeHidden();
    // Until the page is hydrated the button is disabled, so an early Enter is not lost: wait for it.
    await expect(menu).toBeEnabled();
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Releases" })).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await nav.getByRole("link", { name: "Pay periods" }).click();
    await expect(page).toHaveURL(/\/admin\/periods$/);
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    // At 1366 px the links are simply there.
    await page.setViewportSize({ width: 1366, height: 900 });
    await expect(menu).toBeHidden();
    await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();
  });

  test("the first Tab reaches a skip link that moves focus to the page's content", async ({ page }) => {
    // A page without a field that takes focus on load (the sign-in form focuses its e-mail field).
    await page.goto("/releases");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("My work: statuses in colour with counts, filters apply on change, a notice for sent-back items, Delete in its own column", async ({ page }) => {
    const campaign = await createTestCampaign({ languages: ["gl"] });
    const author = await createTestUser("annotator", ["gl"], "author");
    const tag = `mywork ${Date.now()}`;
    const draft = await createDraft(viewerOf(author), { campaignId: campaign.id, language: "gl", category: "open_qa", instruction: `Borrador ${tag}` });
    const sentBack = await submitTestItem(author, campaign.id, "gl", `${tag} a`);
    await submitTestItem(author, campaign.id, "gl", `${tag} b`);
    const reviewer = viewerOf(await createTestUser("reviewer", ["gl"]));
    const lease = await claimItem(reviewer, sentBack);
    await decideReview(reviewer, sentBack.id, {
      version: lease.item.version,
      decision: "request_changes",
      scores: { instruction: 4, correctness: 3, fluency: 4, safety: 5, guidelines: 3 },
      comment: "Revisa a resposta, por favor.",
    });

    await signIn(page, author, /\/work$/);
    const counts = page.getByRole("list", { name: "Your items by status" });
    await expect(counts.getByRole("link")).toHaveText(["Drafts (1)", "Submitted (1)", "Changes requested (1)"]);
    await expect(page.getByTestId("sent-back-notice")).toHaveText("1 item was sent back to you for changes. Show them");
    const badge = page.getByTestId(`item-row-${sentBack.id}`).locator(".status-badge");
    await expect(badge).toHaveText("Changes requested");
    const colour = await badge.evaluate((element) => getComputedStyle(element).color);
    const draftColour = await page.getByTestId(`item-row-${draft.id}`).locator(".status-badge").evaluate((element) => getComputedStyle(element).color);
    expect(colour).not.toBe(draftColour);

    // Delete sits under Actions, not in the feedback column.
    const headers = await page.locator("thead th").allTextContents();
    const draftCells = page.getByTestId(`item-row-${draft.id}`).locator("td");
    await expect(draftCells.nth(headers.indexOf("Actions"))).toContainText("Delete");
    await expect(draftCells.nth(headers.indexOf("Reviewer feedback"))).not.toContainText("Delete");

    // Choosing a status applies it: no Filter click.
    await page.locator('select[name="status"]').selectOption("changes_requested");
    await expect(page).toHaveURL(/status=changes_requested/);
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.getByTestId(`item-row-${sentBack.id}`)).toBeVisible();
  });

  test("the review screen names personal data in words, keeps the guideline's headings under its panel, and cited clauses link to the clause", async ({ page }) => {
    const campaign = await createTestCampaign({ languages: ["es"] });
    const author = await createTestUser("annotator", ["es"], "author");
    const tag = `words ${Date.now()}`;
    const draft = await createDraft(viewerOf(author), {
      campaignId: campaign.id,
      language: "es",
      category: "open_qa",
      instruction: `¿Cómo puedo pedir una cita en el ayuntamiento de mi ciudad? (${tag})`,
      response: "Puedes escribir a cita.previa@ayuntamiento.example o llamar al 612 345 678 y pedirla para el día que prefieras.",
    });
    const submitted = await submitItem(viewerOf(author), draft.id, { version: draft.version, piiDeclaredFictional: true });
    const reviewerUser = await createTestUser("reviewer", ["es"]);
    await claimItem(viewerOf(reviewerUser), submitted.item);

    await signIn(page, reviewerUser, /\/review$/);
    await page.goto(`/review/items/${submitted.item.id}`);
    const report = page.getByTestId("quality-report");
    await expect(report).toContainText("e-mail address");
    await expect(report).toContainText("phone number");
    await expect(report).not.toContainText("email,phone");
    // One h1 on the page: the guideline's own "# Guidelines" sits below the panel's h2.
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByTestId("guidelines").getByRole("heading", { name: "Guidelines (es)" })).toHaveJSProperty("tagName", "H3");

    // A clause cited in the decision form links to that clause in the guideline beside it.
    await page.getByLabel("Cited guideline clauses").fill("2");
    await page.getByLabel("Cited guideline clauses").press("Enter");
    const link = page.getByTestId("cited-clauses").getByRole("link", { name: "2" });
    await expect(link).toHaveAttribute("href", "#clause-2");
    await expect(page.locator("#clause-2")).toHaveText("Answer the instruction fully.");
  });
});

test.describe("campaign administration, in English", () => {
  test.use({ locale: "en-GB" });

  test("an invalid short name is explained in words, and the guideline editor previews the text as it is typed", async ({ page }) => {
    const campaign = await createTestCampaign({ languages: ["ca"] });
    const maintainer = await createTestUser("maintainer", ["ca"]);
    await signIn(page, maintainer, /\/admin\/users$/);
    await page.goto("/admin/campaigns");
    const create = page.getByRole("form", { name: "Create campaign" });
    await create.getByLabel("Name", { exact: true }).fill("Preguntes obertes");
    const slug = create.getByLabel("Short name (for URLs)");
    await slug.fill("Preguntes Obertes!");
    await create.getByRole("button", { name: "Create campaign" }).click();
    const rule = "Lowercase letters and digits, words joined by single hyphens, up to 60 characters: for example galician-qa-2026.";
    expect(await slug.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe(rule);
    await expect(slug).toHaveAccessibleDescription(rule);

    const card = page.getByTestId(`campaign-${campaign.slug}`);
    await card.getByRole("button", { name: "Publish new version" }).click();
    await card.getByLabel("Guidelines for Catalan (Markdown)").fill("# Pautes\n\n1. Escriu amb **naturalitat**.");
    const preview = card.getByTestId("guideline-preview");
    await expect(preview.getByRole("heading", { name: "Pautes" })).toBeVisible();
    await expect(preview.locator("strong")).toHaveText("naturalitat");
  });
});

test.describe("in Spanish", () => {
  test.use({ locale: "es-ES" });

  test("language names inside a sentence are lowercase", async ({ page }) => {
    const author = await createTestUser("annotator", ["es", "gl"], "autora");
    await page.goto("/sign-in");
    await page.getByLabel("Correo electrónico").fill(author.email);
    await page.getByLabel("Contraseña").fill(author.password);
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page).toHaveURL(/\/work$/);
    await expect(page.getByText("Escribes en: castellano, gallego.")).toBeVisible();
  });
});
