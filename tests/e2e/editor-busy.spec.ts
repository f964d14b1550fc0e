// The editor when the server answers 503 (overloaded, or its database briefly away): a calm line, the text kept on
// the device, retries on the server's schedule, and the text saved once the server takes it.
import { expect, test } from "@playwright/test";
import { disconnectDb } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { signIn } from "@/tests/e2e/helpers/session";
import { storedItem } from "@/tests/e2e/helpers/writing";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);

test("two 503s with Retry-After: the editor says the server is busy, keeps the text and saves it when the server takes it", async ({ page }) => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const annotator = await createTestUser("annotator", ["es"]);
  const draft = await createDraft(viewerOf(annotator), { campaignId: campaign.id, language: "es", category: "open_qa" });
  await signIn(page, annotator, /\/work$/);
  await page.goto(`/work/items/${draft.id}`);

  // The first two saves meet a server that is out of connections: exactly what it answers then (see
  // tests/e2e/overload.spec.ts for the real thing), before the request reaches it.
  let refused = 0;
  await page.route(`**/api/v1/items/${draft.id}`, async (route) => {
    if (route.request().method() !== "PATCH" || refused >= 2) return route.continue();
    refused++;
    await route.fulfill({
      status: 503,
      headers: { "Retry-After": "1", "Content-Type": "application/json" },
      body: JSON.stringify({
        error: { code: "unavailable", message: "The server is busy; please try again in a moment.", fields: [], details: { retryAfterSeconds: 1 } },
      }),
    });
  });

  const instruction = "¿Por qué el Ebro forma un delta en su desembocadura y el Miño no?";
  await page.getByLabel("Instruction").fill(instruction);
  const status = page.getByTestId("save-status");
  await expect(status).toHaveText("The server is busy — your text is kept on this device and will be saved in a moment");
  await expect(status).toHaveAttribute("data-state", "busy");
  await expect(status).not.toHaveClass(/error/);
  expect((await storedItem(draft.id)).instruction).toBe("");
  await expect(status).toHaveText("Saved", { timeout: 30_000 });
  expect(refused).toBe(2);
  expect((await storedItem(draft.id)).instruction).toBe(instruction);
});
