// Review-flow helpers: a signed-in browser context per person, the review queue of one campaign, scoring.
import { expect, type Browser, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import { RUBRIC, type RubricCriterion } from "@/lib/reviews/schemas";
import { signIn } from "@/tests/e2e/helpers/session";

export const CRITERION_LABELS: Record<RubricCriterion, string> = {
  instruction: "Instruction quality",
  correctness: "Response correctness",
  fluency: "Fluency and language norm",
  safety: "Safety and bias",
  guidelines: "Guideline adherence",
};

/** Each person gets their own browser context (own session cookie), in English. */
export async function signedInPage(browser: Browser, user: { email: string; password: string }, landsOn: RegExp): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, user, landsOn);
  return page;
}

/**
 * The review page kept to one campaign (what its campaign menu opens): the test's own campaign, so its claims hand
 * out the test's items whatever other specs leave in the shared queue.
 */
export async function openReviewQueue(page: Page, campaignId: string) {
  await page.goto(`/review?campaign=${campaignId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
}

/** Scores every criterion by clicking its radio button. */
export async function scoreByClicking(page: Page, scores: Record<RubricCriterion, number>) {
  for (const criterion of RUBRIC) {
    await page.getByRole("group", { name: CRITERION_LABELS[criterion] }).getByRole("radio", { name: `${scores[criterion]} of 5` }).check();
  }
}

/** Scores every criterion from the keyboard: focus the group's first option, then type the digit. */
export async function scoreByKeyboard(page: Page, scores: Record<RubricCriterion, number>) {
  for (const criterion of RUBRIC) {
    const group = page.getByRole("group", { name: CRITERION_LABELS[criterion] });
    await group.getByRole("radio", { name: "1 of 5" }).focus();
    await page.keyboard.press(String(scores[criterion]));
    await expect(group.getByRole("radio", { name: `${scores[criterion]} of 5` })).toBeChecked();
  }
}

export const storedItem = (id: string) => db().item.findUniqueOrThrow({ where: { id } });
