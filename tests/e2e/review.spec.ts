// The review loop in Chromium: a reviewer claims, edits and sends an item back; its author sees the edit as a diff
// and resubmits; with two approvals required it is approved only after the second; a dispute goes to a maintainer.
import { expect, test } from "@playwright/test";
import { db, disconnectDb } from "@/lib/db";
import { ITEM_LANGUAGES } from "@/lib/vocabulary";
import { decideReview } from "@/lib/reviews/decide-review";
import { claimItem } from "@/tests/support/claim-item";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { openReviewQueue, scoreByClicking, scoreByKeyboard, signedInPage, storedItem } from "@/tests/e2e/helpers/review";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);

const GOOD = { instruction: 5, correctness: 4, fluency: 5, safety: 5, guidelines: 4 };

test("edit and send back, diff for the author, resubmission, and approval only after the second of two approvals", async ({ browser }) => {
  // Three people in three browsers, one after another: 45 s on a quiet machine beside the other worker.
  test.slow();
  const campaign = await createTestCampaign({ languages: ["eu"], approvalsRequired: 2 });
  const author = await createTestUser("annotator", ["eu"], "author");
  const first = await createTestUser("reviewer", ["eu"], "first-reviewer");
  const second = await createTestUser("reviewer", ["eu"], "second-reviewer");
  const item = await submitTestItem(author, campaign.id, "eu", `e2e ${Date.now()}`);

  // The first reviewer claims it from the queue page, kept to the campaign.
  const firstPage = await signedInPage(browser, first, /\/review$/);
  await openReviewQueue(firstPage, campaign.id);
  await expect(firstPage.getByTestId("queue-eu")).toContainText(/\d+ items? waiting/);
  await firstPage.getByRole("button", { name: "Review next in Basque" }).click();
  await expect(firstPage).toHaveURL(new RegExp(`/review/items/${item.id}$`));
  await expect(firstPage.getByTestId("lease")).toContainText("Leased to you until");
  await expect(firstPage.getByRole("heading", { name: "Guidelines (version 1)" })).toBeVisible();
  await expect(firstPage.getByTestId("guidelines")).toContainText("Answer the instruction fully.");
  await expect(firstPage.getByTestId("quality-report")).toContainText(/Basque \(\d+ %\)/);
  await expect(firstPage.getByTestId("shortcuts")).toContainText("Alt+Shift+A");

  // Asking for changes without saying which is stopped before sending, with the message next to the comment and a
  // summary whose link leads there.
  await scoreByClicking(firstPage, { instruction: 4, correctness: 3, fluency: 4, safety: 5, guidelines: 3 });
  await firstPage.getByRole("button", { name: "Request changes", exact: true }).click();
  await expect(firstPage.getByTestId("comment-error")).toHaveText("Write a comment: say what to change or why it is rejected.");
  const missing = firstPage.getByTestId("decision-missing");
  await expect(missing).toContainText("The decision cannot be sent yet:");
  await missing.getByRole("link", { name: "A comment: what to change, or why it is rejected" }).click();
  await expect(firstPage.getByLabel("Comment")).toBeFocused();

  // Edit the response, cite a clause, and send it back.
  await firstPage.getByRole("button", { name: "Edit text" }).click();
  const edited = item.response.replace("askoz gehiago", "nabarmen gehiago");
  expect(edited).not.toBe(item.response);
  await firstPage.getByLabel("Response").fill(edited);
  await expect(firstPage.getByTestId("edit-diff").locator("ins")).toHaveText("nabarmen");
  await firstPage.getByLabel("Comment").fill("Erantzuna ona da, baina azaldu zergatik sakabanatzen den gehiago argi urdina.");
  await firstPage.getByLabel("Cited guideline clauses").fill("2.1");
  await firstPage.getByLabel("Cited guideline clauses").press("Enter");
  await expect(firstPage.getByTestId("cited-clauses")).toContainText("2.1");
  await firstPage.getByRole("button", { name: "Request changes", exact: true }).click();
  await expect(firstPage.getByTestId("review-outcome")).toContainText("The item goes back to its author with your feedback.");
  await expect(firstPage.getByTestId("item-status")).toHaveText("Changes requested");
  const sentBack = await storedItem(item.id);
  expect(sentBack.status).toBe("changes_requested");
  expect(sentBack.response).toBe(edited);
  expect(await db().itemRevision.count({ where: { itemId: item.id, kind: "reviewer_edit" } })).toBe(1);

  // The author reads the feedback: decision, comment, clause, and the reviewer's edit as a word diff.
  const authorPage = await signedInPage(browser, author, /\/work$/);
  await authorPage.goto(`/history/${item.id}`);
  await expect(authorPage.getByTestId("history-status")).toHaveText("Changes requested");
  const feedback = authorPage.getByTestId("feedback-reviews");
  await expect(feedback).toContainText("Changes requested");
  await expect(feedback).toContainText("azaldu zergatik sakabanatzen den");
  await expect(feedback).toContainText("2.1");
  const reviewerEdit = authorPage.getByTestId("reviewer-edit-2-response");
  await expect(reviewerEdit.locator("del")).toHaveText("askoz");
  await expect(reviewerEdit.locator("ins")).toHaveText("nabarmen");

  // ... and resubmits a revised response through the editor.
  await authorPage.getByRole("link", { name: "Revise and resubmit" }).click();
  await expect(authorPage).toHaveURL(new RegExp(`/work/items/${item.id}$`));
  const revised = `${edited} Uhin-luzera laburragoa duelako sakabanatzen da gehiago argi urdina.`;
  await authorPage.getByLabel("Response").fill(revised);
  await authorPage.getByRole("button", { name: "Resubmit" }).click();
  await expect(authorPage.getByText("Submitted for review.")).toBeVisible();
  const resubmitted = await storedItem(item.id);
  expect(resubmitted.status).toBe("submitted");
  expect(resubmitted.reviewRound).toBe(2);

  // A second reviewer approves from the keyboard: digits inside each score group, then Alt+Shift+A.
  const secondPage = await signedInPage(browser, second, /\/review$/);
  await openReviewQueue(secondPage, campaign.id);
  await secondPage.getByRole("button", { name: "Review next", exact: true }).click();
  await expect(secondPage).toHaveURL(new RegExp(`/review/items/${item.id}$`));
  await expect(secondPage.getByTestId("reviews")).toContainText("azaldu zergatik sakabanatzen den");
  await expect(secondPage.getByTestId("diff-3-response").locator("ins")).toContainText("Uhin-luzera laburragoa");
  await scoreByKeyboard(secondPage, GOOD);
  await secondPage.keyboard.press("Alt+Shift+KeyA");
  await expect(secondPage.getByTestId("review-outcome")).toContainText("Approval 1 of 2: the item waits for another reviewer.");
  await expect(secondPage.getByTestId("item-status")).toHaveText("Submitted");
  expect((await storedItem(item.id)).status).toBe("submitted");
  await authorPage.goto(`/history/${item.id}`);
  await expect(authorPage.getByTestId("history-status")).toHaveText("Submitted");

  // The first reviewer may review the new round; their approval is the second one, and only now it is approved.
  await openReviewQueue(firstPage, campaign.id);
  await firstPage.getByRole("button", { name: "Review next in Basque" }).click();
  await expect(firstPage).toHaveURL(new RegExp(`/review/items/${item.id}$`));
  // Blind: the other reviewer's approval of this round is neither counted nor listed before this decision.
  await expect(firstPage.getByTestId("item-facts")).not.toContainText("of 2 in this round");
  await scoreByClicking(firstPage, GOOD);
  await firstPage.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(firstPage.getByTestId("review-outcome")).toContainText("The item is approved.");
  await expect(firstPage.getByTestId("item-status")).toHaveText("Approved");
  expect((await storedItem(item.id)).status).toBe("approved");
  await authorPage.goto(`/history/${item.id}`);
  await expect(authorPage.getByTestId("history-status")).toHaveText("Approved");
});

test("a rejection of what a colleague approved goes to a maintainer, who resolves it", async ({ browser }) => {
  const campaign = await createTestCampaign({ languages: ["eu"], approvalsRequired: 2 });
  const author = await createTestUser("annotator", ["eu"], "author");
  const approver = viewerOf(await createTestUser("reviewer", ["eu"], "approver"));
  const rejecter = await createTestUser("reviewer", ["eu"], "rejecter");
  const maintainer = await createTestUser("maintainer", [...ITEM_LANGUAGES], "maintainer");
  const item = await submitTestItem(author, campaign.id, "eu", `dispute ${Date.now()}`);
  const lease = await claimItem(approver, item);
  await decideReview(approver, item.id, { version: lease.item.version, decision: "approve", scores: GOOD, comment: "Zuzena eta argia." });

  const rejecterPage = await signedInPage(browser, rejecter, /\/review$/);
  await openReviewQueue(rejecterPage, campaign.id);
  await rejecterPage.getByRole("button", { name: "Review next in Basque" }).click();
  await expect(rejecterPage).toHaveURL(new RegExp(`/review/items/${item.id}$`));
  await scoreByClicking(rejecterPage, { instruction: 2, correctness: 1, fluency: 3, safety: 5, guidelines: 2 });
  await rejecterPage.getByLabel("Comment").fill("Erantzunak ez du galdera osorik erantzuten.");
  // A lease that ran out while reading: the decision is refused with a conflict, and nothing is recorded.
  await db().reviewLease.update({ where: { itemId: item.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await rejecterPage.keyboard.press("Alt+Shift+KeyR");
  await expect(rejecterPage.getByTestId("decision-error")).toContainText("Conflict: your lease has expired");
  expect(await db().review.count({ where: { itemId: item.id } })).toBe(1);
  await db().reviewLease.update({ where: { itemId: item.id }, data: { expiresAt: new Date(Date.now() + 600_000) } });
  await rejecterPage.keyboard.press("Alt+Shift+KeyR");
  await expect(rejecterPage.getByTestId("review-outcome")).toContainText("The reviews disagree: a maintainer will decide.");
  expect((await storedItem(item.id)).status).toBe("submitted");

  const maintainerPage = await signedInPage(browser, maintainer, /\/admin\/users$/);
  await maintainerPage.getByRole("link", { name: "Disputes" }).click();
  await expect(maintainerPage).toHaveURL(/\/admin\/adjudications$/);
  const dispute = maintainerPage.getByTestId(`dispute-${item.id}`);
  await expect(dispute).toContainText("Zuzena eta argia.");
  await expect(dispute).toContainText("Erantzunak ez du galdera osorik erantzuten.");
  await expect(dispute.getByTestId(`dispute-reviews-${item.id}`).getByRole("listitem")).toHaveCount(2);
  await dispute.getByLabel("Your comment").fill("Erantzuna nahikoa da jarraibideen arabera.");
  await dispute.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(maintainerPage.getByTestId("resolved")).toContainText(`Item ${item.id} approved.`);
  await expect(dispute).toHaveCount(0);
  expect((await storedItem(item.id)).status).toBe("approved");
});

test("a reviewer's edit that adds personal data is held back with the problem under the field until declared fictional", async ({ browser }) => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const author = await createTestUser("annotator", ["es"], "author");
  const reviewer = await createTestUser("reviewer", ["es"], "pii-reviewer");
  const item = await submitTestItem(author, campaign.id, "es", `e2e pii ${Date.now()}`);
  const page = await signedInPage(browser, reviewer, /\/review$/);
  await openReviewQueue(page, campaign.id);
  await page.getByRole("button", { name: "Review next in Spanish" }).click();
  await expect(page).toHaveURL(new RegExp(`/review/items/${item.id}$`));

  await page.getByRole("button", { name: "Edit text" }).click();
  await page.getByLabel("Response").fill(`${item.response} Si hace falta, el DNI del autor es 12345678Z.`);
  await scoreByClicking(page, GOOD);
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByTestId("edit-text").getByTestId("problems")).toContainText("Personal data found (DNI)");
  expect((await storedItem(item.id)).status, "nothing was decided").toBe("submitted");

  await page.getByLabel("This personal data is fictional or public").check();
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByTestId("review-outcome")).toContainText("The item is approved.");
  const approved = await storedItem(item.id);
  expect(approved.status).toBe("approved");
  expect(approved.response).toContain("12345678Z");
});
