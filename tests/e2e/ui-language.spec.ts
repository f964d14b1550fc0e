// The interface language: a per-person preference, defaulting from the browser, independent of writing languages.
import { expect, test } from "@playwright/test";
import { disconnectDb } from "@/lib/db";
import { createTestUser } from "@/tests/support/seed-users";
import { signIn } from "@/tests/e2e/helpers/session";

test.afterAll(disconnectDb);

test.describe("in an English browser", () => {
  test.use({ locale: "en-US" });

  test("switching to Basque re-renders the page, survives reloads and follows the person to a new browser", async ({ page, browser }) => {
    const annotator = await createTestUser("annotator", ["gl"]);
    await signIn(page, annotator, /\/work$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My work");
    await page.getByLabel("Interface language").first().selectOption("eu");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nire lana");
    await expect(page.getByRole("link", { name: "Ezarpenak" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "eu");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nire lana");
    expect((await (await page.request.get("/api/v1/me")).json()).uiLocale).toBe("eu");

    const elsewhere = await browser.newContext({ locale: "en-US" });
    const otherPage = await elsewhere.newPage();
    await otherPage.goto("/sign-in");
    await otherPage.getByLabel("E-mail").fill(annotator.email);
    await otherPage.getByLabel("Password").fill(annotator.password);
    await otherPage.getByRole("button", { name: "Sign in" }).click();
    await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText("Nire lana");
    await elsewhere.close();
  });
});

test.describe("in a Catalan browser", () => {
  test.use({ locale: "ca-ES" });

  test("a signed-out visitor sees the sign-in page in Catalan", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inicia la sessió");
    await expect(page.locator("html")).toHaveAttribute("lang", "ca");
  });
});
