// Review-flow helpers: a signed-in browser context per person, putting an item first in the shared queue, scoring.
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

const QUEUE_FRONT_MS = Date.UTC(1900, 0, 1);
const CLOCK_BASE_MS = Date.UTC(2026, 0, 1);
let lastCallMs = 0;
let callsThisMs = 0;
/**
 * Other specs' items share the queue: make this one older than anything, so it is the next one handed out. Each
 * call goes further back than every call before it, in this process or an earlier one (Playwright starts a new
 * worker process after a failed test, so a counter alone would start again and hand out ages already used): the
 * later the call, the further before 1900.
 */
export async function makeOldestInQueue(itemId: string) {
  const now = Date.now();
  callsThisMs = now === lastCallMs ? callsThisMs + 1 : 0;
  lastCallMs = now;
  // 16 ages per millisecond of the clock: some years back per year of running tests.
  const submittedAt = new Date(QUEUE_FRONT_MS - (now - CLOCK_BASE_MS) * 16 - callsThisMs);
  await db().item.update({ where: { id: itemId }, data: { submittedAt } });
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
