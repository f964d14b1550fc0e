// The editor names the language it detected, in the UI language: Portuguese typed into a Galician item is called
// Portuguese ("looks like Portuguese"), not just "another language", while typing and when submitting; a line the
// identifier cannot tell between two languages, blocked because it is surely not the item's, names both; code in
// Markdown is not taken for the answer's language, nor a quotation for the language of the words around it, even when
// those words are one ("Traduce: “…”").
import { expect, test, type Page } from "@playwright/test";
import { disconnectDb } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { signInThroughForm } from "@/tests/e2e/helpers/session";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);
// Two sign-ins, a language switch and a hydrated editor each: give the shared build machine time.
test.slow();

const GALICIAN_INSTRUCTION = "Explica por que a xente da vila sempre chega tarde ás festas do verán.";
const PORTUGUESE_RESPONSE =
  "Porque ninguém quer ser o primeiro a chegar: toda a gente fica em casa à espera de ouvir a música, e só depois " +
  "sai à rua com os vizinhos.";

async function openDraft(page: Page, language: "es" | "gl", instruction: string, response: string, uiLocale?: string) {
  const campaign = await createTestCampaign({ languages: [language] });
  const annotator = await createTestUser("annotator", [language]);
  const draft = await createDraft(viewerOf(annotator), { campaignId: campaign.id, language, category: "open_qa" });
  await signInThroughForm(page, annotator.email, annotator.password);
  await expect(page).toHaveURL(/\/work$/, { timeout: 60_000 });
  if (uiLocale) {
    await page.getByLabel("Interface language").first().selectOption(uiLocale);
    await expect(page.locator("html")).toHaveAttribute("lang", uiLocale);
  }
  await page.goto(`/work/items/${draft.id}`);
  await page.locator('[data-field="instruction"] textarea').fill(instruction);
  await page.locator('[data-field="response"] textarea').fill(response);
  return page.locator('[data-field="response"]');
}

const openGalicianDraft = (page: Page, uiLocale?: string) => openDraft(page, "gl", GALICIAN_INSTRUCTION, PORTUGUESE_RESPONSE, uiLocale);

test("Portuguese in a Galician item: the hint and the refused submit say it looks like Portuguese", async ({ page }) => {
  const response = await openGalicianDraft(page);
  await expect(response.getByTestId("live-hint")).toContainText("This text looks like Portuguese, not Galician.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(response.getByTestId("problems")).toContainText("looks like Portuguese, not Galician");
  await expect(response.getByTestId("problems")).not.toContainText("another language");
});

test("in a Spanish interface the hint names Portuguese in Spanish", async ({ page }) => {
  const response = await openGalicianDraft(page, "es");
  await expect(response.getByTestId("live-hint")).toContainText("Este texto parece portugués, no gallego.");
});

test("a line that is Galician or Portuguese in a Spanish item: the hint and the refused submit name both", async ({ page }) => {
  // Correct Galician and correct Portuguese word for word: the identifier splits it between the two (Galician 0.65) and
  // is sure it is not Spanish (docs/language-identification.md).
  const response = await openDraft(page, "es", "¿Dónde murió su padre, según la carta de la familia?", "O seu pai morreu na terra dos seus avós.");
  await expect(response.getByTestId("live-hint")).toContainText("This text looks like Galician (or perhaps Portuguese), not Spanish.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(response.getByTestId("problems")).toContainText("looks like Galician (or perhaps Portuguese), not Spanish");
});

test("a Galician answer with a code block is judged by its Galician, not its code, and goes to review", async ({ page }) => {
  // Read with its JavaScript, this answer was Portuguese at 0.92, and the submit was refused.
  const answer = "Podes usar este código:\n\n```js\nconst total = items.reduce((sum, item) => sum + item.price, 0);\nconsole.log(`Total: ${total}`);\n```";
  await openDraft(page, "gl", "Como sumo os prezos de todos os artigos dunha lista en JavaScript?", answer);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
});

test("a Spanish request to translate an English sentence is judged by its Spanish and goes to review", async ({ page }) => {
  // As a whole the instruction is English at 1.0, and the submit was refused until the writer justified it.
  const instruction = "Traduce al español: “I would rather stay at home tonight, I am really tired.”";
  await openDraft(page, "es", instruction, "Preferiría quedarme en casa esta noche, estoy muy cansado.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
});

test("a one-word request to translate, in a Galician item, goes to review: one word does not speak against Galician", async ({ page }) => {
  // "Traduce:" is too short to be judged Galician, and the submit was refused until the writer justified it.
  const instruction = "Traduce: “I would rather stay at home tonight, I am really tired.”";
  await openDraft(page, "gl", instruction, "Prefiro quedar na casa esta noite, estou moi canso.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
});
