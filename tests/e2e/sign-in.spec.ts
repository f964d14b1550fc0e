// Signing in and out in Chromium, for each role; wrong passwords; the rate limit.
import { expect, test } from "@playwright/test";
import { disconnectDb } from "@/lib/db";
import { createTestUser, TEST_PASSWORD } from "@/tests/support/seed-users";
import { signIn, signInError, signInThroughForm } from "@/tests/e2e/helpers/session";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);

const LANDINGS = [
  { role: "annotator", path: /\/work$/, heading: "My work", roleName: "Annotator" },
  { role: "reviewer", path: /\/review$/, heading: "Review", roleName: "Reviewer" },
  { role: "maintainer", path: /\/admin\/users$/, heading: "Users", roleName: "Maintainer" },
] as const;

for (const landing of LANDINGS) {
  test(`a ${landing.role} signs in, lands on their page, and signs out for good`, async ({ page, context, request }) => {
    const user = await createTestUser(landing.role, ["gl", "es"]);
    await signIn(page, user, landing.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(landing.heading);
    await expect(page.getByTestId("signed-in-as")).toHaveText(`Signed in as ${user.name} (${landing.roleName})`);
    if (landing.role === "maintainer") await expect(page.getByTestId(`user-row-${user.email}`)).toBeVisible();

    const cookiesWhileSignedIn = await context.cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/work");
    await expect(page).toHaveURL(/\/sign-in$/);

    // The old cookie, replayed by someone who copied it, is dead on the server.
    const sessionCookie = cookiesWhileSignedIn.find((cookie) => cookie.name.includes("session-token"));
    expect(sessionCookie).toBeTruthy();
    const replayed = await request.get("/api/v1/me", { headers: { cookie: `${sessionCookie!.name}=${sessionCookie!.value}` } });
    expect(replayed.status()).toBe(401);
  });
}

test("a wrong password is refused with a clear message", async ({ page }) => {
  const user = await createTestUser("annotator");
  await signInThroughForm(page, user.email, "not my password");
  await expect(signInError(page)).toHaveText("E-mail or password is wrong.");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("after five failures the account is locked, even for the right password, with the wait shown", async ({ page }) => {
  const user = await createTestUser("annotator");
  for (let attempt = 0; attempt < 5; attempt++) {
    await signInThroughForm(page, user.email, `wrong ${attempt}`);
    await expect(signInError(page)).toHaveText("E-mail or password is wrong.");
  }
  await signInThroughForm(page, user.email, TEST_PASSWORD);
  await expect(signInError(page)).toHaveText(/^Too many failed attempts\. Try again in (1[0-5]|[1-9]) minutes?\.$/);
  await expect(page).toHaveURL(/\/sign-in$/);
});
