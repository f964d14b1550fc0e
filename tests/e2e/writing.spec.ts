// The annotator's editor in Chromium: no text lost to reloads or network drops, conflicts shown, submission
// with problems next to their fields, revision of sent-back items, markup that never runs.
import { expect, test, type Page } from "@playwright/test";
import { db, disconnectDb } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import { submitItem } from "@/lib/items/submit-item";
import { claimNextItem } from "@/lib/reviews/claim-next-item";
import { decideReview } from "@/lib/reviews/decide-review";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { signIn } from "@/tests/e2e/helpers/session";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);

const CONTEXT =
  "O Miño é o río máis longo de Galicia. Nace en Pedregal de Irimia, na Serra de Meira, e desemboca no océano " +
  "Atlántico entre A Guarda e Caminha, despois de marcar uns setenta quilómetros de fronteira con Portugal.";
const storedItem = (id: string) => db().item.findUniqueOrThrow({ where: { id } });

async function failOnDialogs(page: Page) {
  page.on("dialog", (dialog) => {
    throw new Error(`A dialog opened: ${dialog.message()}`);
  });
}

test("a Galician closed_qa item survives a reload and a network drop, then is submitted", async ({ page, context }) => {
  const campaign = await createTestCampaign({ languages: ["gl", "es"] });
  const annotator = await createTestUser("annotator", ["gl"]);
  await signIn(page, annotator, /\/work$/);
  await page.getByRole("link", { name: "New item" }).click();
  await page.getByLabel("Campaign").selectOption(campaign.id);
  await page.locator('select[name="language"]').selectOption("gl");
  await page.locator('select[name="category"]').selectOption("closed_qa");
  await page.getByRole("button", { name: "Start writing" }).click();
  await expect(page).toHaveURL(/\/work\/items\/[0-9a-f-]{36}$/);
  const itemId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { name: /Guidelines \(version 1\)/ })).toBeVisible();

  const instruction = "Segundo o texto, onde nace o río Miño e onde desemboca?";
  await page.getByLabel("Instruction").fill(instruction);
  await page.getByLabel(/^Context/).fill(CONTEXT);
  // Reload at once, before the ~1.5 s autosave can fire: only the browser's local copy has the text.
  await page.reload();
  await expect(page.getByLabel("Instruction")).toHaveValue(instruction);
  await expect(page.getByLabel(/^Context/)).toHaveValue(CONTEXT);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  expect((await storedItem(itemId)).context).toBe(CONTEXT);

  await context.setOffline(true);
  const response = "Nace en Pedregal de Irimia, na Serra de Meira, e desemboca no Atlántico entre A Guarda e Caminha.";
  await page.getByLabel("Response").fill(response);
  await expect(page.getByTestId("save-status")).toContainText("Offline");
  expect((await storedItem(itemId)).response).toBe("");
  await context.setOffline(false);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  expect((await storedItem(itemId)).response).toBe(response);

  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
  expect((await storedItem(itemId)).status).toBe("submitted");
  await page.goto("/work");
  await expect(page.getByTestId(`item-row-${itemId}`)).toContainText("Submitted");
});

test("a stale write from a second tab shows both versions and overwrites nothing", async ({ page, context }) => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const annotator = await createTestUser("annotator", ["es"]);
  const draft = await createDraft(viewerOf(annotator), { campaignId: campaign.id, language: "es", category: "open_qa" });
  await signIn(page, annotator, /\/work$/);
  await page.goto(`/work/items/${draft.id}`);
  const second = await context.newPage();
  await second.goto(`/work/items/${draft.id}`);

  await page.getByLabel("Instruction").fill("Texto escrito en la primera pestaña");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await second.getByLabel("Instruction").fill("Texto escrito en la segunda pestaña");
  await expect(second.getByTestId("conflict-server")).toContainText("Texto escrito en la primera pestaña");
  await expect(second.getByTestId("conflict-mine")).toContainText("Texto escrito en la segunda pestaña");
  expect((await storedItem(draft.id)).instruction).toBe("Texto escrito en la primera pestaña");

  await second.getByRole("button", { name: "Keep mine" }).click();
  await expect(second.getByTestId("save-status")).toHaveText("Saved");
  expect((await storedItem(draft.id)).instruction).toBe("Texto escrito en la segunda pestaña");
});

test("an item sent back by a reviewer shows the feedback and can be revised and resubmitted", async ({ page }) => {
  const campaign = await createTestCampaign({ languages: ["gl"] });
  const annotator = await createTestUser("annotator", ["gl"]);
  const reviewer = viewerOf(await createTestUser("reviewer", ["gl"]));
  const draft = await createDraft(viewerOf(annotator), {
    campaignId: campaign.id,
    language: "gl",
    category: "closed_qa",
    instruction: "Segundo o texto, cantos quilómetros de fronteira marca o Miño?",
    context: CONTEXT,
    response: "Uns setenta quilómetros.",
  });
  await submitItem(viewerOf(annotator), draft.id, { version: draft.version });
  await db().item.update({ where: { id: draft.id }, data: { submittedAt: new Date(Date.UTC(1990, 0, 1)) } });
  const lease = await claimNextItem(reviewer, { language: "gl" });
  expect(lease?.item.id).toBe(draft.id);
  await decideReview(reviewer, draft.id, {
    version: lease!.item.version,
    decision: "request_changes",
    scores: { instruction: 4, correctness: 3, fluency: 4, safety: 5, guidelines: 3 },
    comment: "Responde cunha frase completa que cite o texto.",
  });

  await signIn(page, annotator, /\/work$/);
  await expect(page.getByRole("row").filter({ hasText: "cantos quilómetros" })).toContainText("Changes requested");
  await page.goto(`/work/items/${draft.id}`);
  await expect(page.getByTestId("feedback")).toContainText("Responde cunha frase completa que cite o texto.");
  await page.getByLabel("Response").fill("Segundo o texto, o Miño marca uns setenta quilómetros de fronteira con Portugal.");
  await page.getByRole("button", { name: "Resubmit" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
  const stored = await storedItem(draft.id);
  expect(stored.status).toBe("submitted");
  expect(stored.reviewRound).toBe(2);
});

test("markup is shown as text and never runs; PII and wrong language are blocked next to the field, in Basque too", async ({ page }) => {
  await failOnDialogs(page);
  const campaign = await createTestCampaign({ languages: ["gl", "es"] });
  const annotator = await createTestUser("annotator", ["gl", "es"]);
  const scripted = await createDraft(viewerOf(annotator), {
    campaignId: campaign.id,
    language: "es",
    category: "open_qa",
    instruction: `<script>alert("x")</script> ¿Qué es un DNI?`,
    response: "Es el documento nacional de identidad; por ejemplo, 12345678Z es un número con letra de control válida.",
  });
  await signIn(page, annotator, /\/work$/);
  await expect(page.getByRole("row").filter({ hasText: "¿Qué es un DNI?" })).toContainText(`<script>alert("x")</script>`);
  await page.goto(`/work/items/${scripted.id}`);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("preview-instruction")).toContainText(`<script>alert("x")</script>`);
  await expect(page.locator("main script")).toHaveCount(0);
  await page.getByRole("button", { name: "Edit" }).click();

  // While typing, a hint already says what submitting will refuse; it never blocks typing.
  const responseField = page.locator(".field").filter({ has: page.getByLabel("Response") });
  await page.getByLabel("Response").press("Control+End");
  await page.getByLabel("Response").pressSequentially(" Fin.");
  await expect(responseField.getByTestId("live-hint")).toContainText("Personal data found (dni)");
  await expect(page.getByLabel("Response")).toHaveValue(/Fin\.$/);

  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(responseField.getByRole("alert")).toContainText("Personal data found (dni)");
  expect((await storedItem(scripted.id)).status).toBe("draft");

  const portuguese = await createDraft(viewerOf(annotator), {
    campaignId: campaign.id,
    language: "gl",
    category: "open_qa",
    instruction: "Quais são os principais rios que atravessam o território de Portugal continental?",
    response: "Os principais rios são o Tejo, o Douro, o Minho, o Mondego e o Guadiana, que nascem quase todos em Espanha.",
  });
  await page.goto(`/work/items/${portuguese.id}`);
  await page.getByLabel("Interface language").first().selectOption("eu");
  await expect(page.getByRole("button", { name: "Bidali berrikustera" })).toBeVisible();
  await page.getByRole("button", { name: "Bidali berrikustera" }).click();
  const basqueResponse = page.locator(".field").filter({ has: page.getByLabel("Erantzuna") });
  await expect(basqueResponse.getByRole("alert")).toContainText("Testu honek beste hizkuntza bat dirudi, ez galegoa.");
  expect((await storedItem(portuguese.id)).status).toBe("draft");
});
