// Review quality in Chromium: a maintainer marks a gold item, a reviewer gets it like any other item, decides it wrongly
// and then reads the explanation on their own page; blind second reviews move the agreement figures a maintainer sees,
// and a second review's disagreement reaches the adjudication queue.
import { expect, test, type Page } from "@playwright/test";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { db, disconnectDb } from "@/lib/db";
import type { ItemView } from "@/lib/items/schemas";
import { decideReview } from "@/lib/reviews/decide-review";
import { ITEM_LANGUAGES, type ItemLanguage } from "@/lib/vocabulary";
import { claimItem } from "@/tests/support/claim-item";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser, type TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { openReviewQueue, scoreByClicking, signedInPage, storedItem } from "@/tests/e2e/helpers/review";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);

const GOOD = { instruction: 5, correctness: 4, fluency: 5, safety: 5, guidelines: 4 };
const LANGUAGE_NAMES: Record<ItemLanguage, string> = { es: "Spanish", ca: "Catalan", eu: "Basque", gl: "Galician" };

async function approveAs(reviewer: TestUser, item: ItemView) {
  const lease = await claimItem(viewerOf(reviewer), item);
  await decideReview(viewerOf(reviewer), item.id, { version: lease.item.version, decision: "approve", scores: GOOD });
}

async function setRates(campaignId: string, rates: { goldRate?: number; secondReviewRate?: number }) {
  await updateCampaign(viewerOf(await createTestUser("maintainer", [...ITEM_LANGUAGES])), campaignId, rates);
}

/**
 * Claims from the campaign's queue page until the item handed out is not `newWorkId` (a gold item or a second
 * review, which look the same), giving new work back each time. At a rate of 50 % forty tries all fail once in 10^12.
 */
async function claimUntilCheck(page: Page, campaignId: string, language: ItemLanguage, newWorkId: string): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    await openReviewQueue(page, campaignId);
    await page.getByRole("button", { name: `Review next in ${LANGUAGE_NAMES[language]}` }).click();
    await expect(page).toHaveURL(/\/review\/items\/[0-9a-f-]{36}$/);
    const itemId = page.url().split("/").at(-1)!;
    if (itemId !== newWorkId) return itemId;
    await page.getByRole("button", { name: "Return to queue" }).click();
    await expect(page.getByText("You gave the item back to the queue.")).toBeVisible();
  }
  throw new Error("no gold item or second review was handed out");
}

test("a reviewer decides a gold item wrongly, and then sees the expected decision and the explanation", async ({ browser }) => {
  test.slow();
  const campaign = await createTestCampaign({ languages: ["gl"] });
  const author = await createTestUser("annotator", ["gl"], "gold-author");
  const gold = await submitTestItem(author, campaign.id, "gl", `ouro ${Date.now()}`);
  const firstReviewer = await createTestUser("reviewer", ["gl"], "first");
  await approveAs(firstReviewer, gold);
  const newWork = await submitTestItem(author, campaign.id, "gl", `novo ${Date.now()}`);

  // The maintainer marks it gold on the item's page.
  const maintainer = await createTestUser("maintainer", [...ITEM_LANGUAGES], "gold-maintainer");
  const maintainerPage = await signedInPage(browser, maintainer, /\/admin\/users$/);
  await maintainerPage.goto(`/history/${gold.id}`);
  const panel = maintainerPage.getByTestId("gold-item");
  await expect(panel.getByTestId("gold-state")).toHaveText("This item is not a gold item.");
  await panel.getByLabel("Expected decision").selectOption({ label: "Reject" });
  await panel.getByLabel("Explanation").fill("A resposta dá unha data inventada: hai que rexeitala.");
  await panel.getByRole("button", { name: "Mark as gold" }).click();
  await expect(panel.getByRole("status")).toHaveText("Saved: the item is a gold item.");
  await expect(panel.getByTestId("gold-state")).toHaveText("0 answers so far, 0 as expected.");
  await setRates(campaign.id, { goldRate: 50 });

  // The reviewer gets it like any other item: waiting for review, nobody's decision on it shown.
  const reviewer = await createTestUser("reviewer", ["gl"], "gold-reviewer");
  const page = await signedInPage(browser, reviewer, /\/review$/);
  expect(await claimUntilCheck(page, campaign.id, "gl", newWork.id)).toBe(gold.id);
  await expect(page.getByTestId("item-facts")).toContainText("Submitted");
  await expect(page.getByTestId("reviews"), "no earlier review is listed").toHaveCount(0);
  await expect(page.getByText(firstReviewer.name)).toHaveCount(0);
  await scoreByClicking(page, GOOD);
  await expect(page.getByTestId("score-meaning-correctness")).toHaveText("Correct and complete");
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByTestId("review-outcome")).toContainText("The item is approved.");
  expect((await storedItem(gold.id)).status).toBe("approved");
  expect(await db().review.count({ where: { itemId: gold.id } }), "no review was added to the item").toBe(1);

  await page.goto("/review");
  await page.getByRole("link", { name: "My review quality" }).click();
  await expect(page).toHaveURL(/\/review\/quality$/);
  await expect(page.getByTestId("gold-summary")).toContainText("0 of 1 gold items decided as expected");
  const missed = page.getByTestId(`missed-${gold.id}`);
  await expect(missed).toContainText("Your decision");
  await expect(missed).toContainText("Approve");
  await expect(missed).toContainText("Expected decision");
  await expect(missed).toContainText("Reject");
  await expect(missed).toContainText("A resposta dá unha data inventada: hai que rexeitala.");
  // At 390 px nothing on the page reaches past the screen's edge; wide tables scroll inside their own box.
  await page.setViewportSize({ width: 390, height: 800 });
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll("section.review-quality *")]
      .filter((element) => !element.closest(".table-scroll") && element.getBoundingClientRect().right > window.innerWidth + 1)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );
  expect(overflowing, "no sideways scrolling at 390 px").toEqual([]);
});

test("blind second reviews move the agreement figures, and a disagreement reaches adjudication", async ({ browser }) => {
  test.slow();
  const campaign = await createTestCampaign({ languages: ["ca"], approvalsRequired: 2 });
  const author = await createTestUser("annotator", ["ca"], "agreement-author");
  const [first, second] = [await createTestUser("reviewer", ["ca"], "first"), await createTestUser("reviewer", ["ca"], "second")];
  // Ten items both reviewers approved: enough for figures, all in agreement.
  const approved: ItemView[] = [];
  for (let index = 0; index < 10; index++) {
    const item = await submitTestItem(author, campaign.id, "ca", `acord ${index} ${Date.now()}`);
    await approveAs(first, item);
    await approveAs(second, item);
    approved.push(item);
  }
  const newWork = await submitTestItem(author, campaign.id, "ca", `nou ${Date.now()}`);
  await setRates(campaign.id, { secondReviewRate: 50 });

  const maintainer = await createTestUser("maintainer", [...ITEM_LANGUAGES], "agreement-maintainer");
  const maintainerPage = await signedInPage(browser, maintainer, /\/admin\/users$/);
  await maintainerPage.goto("/programme");
  await maintainerPage.getByRole("link", { name: /Review quality/ }).click();
  await expect(maintainerPage).toHaveURL(/\/programme\/review-quality$/);
  await maintainerPage.getByLabel("Campaign", { exact: true }).selectOption(campaign.id);
  await maintainerPage.getByRole("button", { name: "Show" }).click();
  const overall = maintainerPage.getByTestId("agreement-overall").getByTestId("figures-all");
  await expect(overall.getByRole("cell").first()).toHaveText("10");
  await expect(overall.getByTestId("percent-agreement")).toHaveText("1.00 (1.00 to 1.00)");
  await expect(overall.getByTestId("kappa")).toHaveText("no variation");

  // A third reviewer gets a second review blind: not the two approvals, not their count.
  const third = await createTestUser("reviewer", ["ca"], "third");
  const page = await signedInPage(browser, third, /\/review$/);
  const itemId = await claimUntilCheck(page, campaign.id, "ca", newWork.id);
  expect(approved.map((item) => item.id)).toContain(itemId);
  await expect(page.getByTestId("item-facts")).not.toContainText("of 2 in this round");
  await expect(page.getByTestId("reviews"), "no earlier review is listed").toHaveCount(0);
  await expect(page.getByText(first.name)).toHaveCount(0);
  await scoreByClicking(page, { instruction: 3, correctness: 1, fluency: 4, safety: 5, guidelines: 2 });
  await page.getByLabel("Comment").fill("La resposta conté un error de fet.");
  await page.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(page.getByTestId("review-outcome")).toContainText("The item is rejected.");
  expect((await storedItem(itemId)).status, "the item is unchanged").toBe("approved");

  // The same ten items, one with a third, dissenting reviewer: of 12 pairs (9 + three in that item) 10 agree.
  await maintainerPage.reload();
  await expect(overall.getByRole("cell").first()).toHaveText("10");
  await expect(overall.getByTestId("percent-agreement")).toContainText("0.83 (");

  await maintainerPage.goto("/admin/adjudications");
  const dispute = maintainerPage.getByTestId(`dispute-${itemId}`);
  await expect(dispute.getByTestId("second-review-dispute")).toContainText("La resposta conté un error de fet.");
  await dispute.getByLabel("Your comment").fill("La segona revisió té raó.");
  await dispute.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(maintainerPage.getByTestId("resolved")).toContainText(`Item ${itemId} rejected.`);
  expect((await storedItem(itemId)).status).toBe("retracted");
});
