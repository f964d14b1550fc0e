// Signing in as a person would: through the /sign-in form in the browser.
import { expect, type Page } from "@playwright/test";

export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, user: { email: string; password: string }, landsOn: RegExp) {
  await signInThroughForm(page, user.email, user.password);
  await expect(page).toHaveURL(landsOn);
}

/** The sign-in form's error (Next.js's own route announcer is an alert too, so look inside the form). */
export function signInError(page: Page) {
  return page.locator("form").getByRole("alert");
}

/**
 * Headers a page's own script sends on a write: `page.request` shares the browser's cookie but not its Origin, and
 * the API refuses cookie-authenticated writes that do not come from the app's own origin as JSON.
 */
export function sameOriginJsonHeaders(page: Page): Record<string, string> {
  return { origin: new URL(page.url()).origin, "content-type": "application/json" };
}
