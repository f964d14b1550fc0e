// Getting in without a password passed by hand: an invitation e-mailed to a real SMTP server started here, its link
// used once to set a password and sign in; a used or expired link refused; "forgot password" answering the same for
// any address, its link setting a new password and signing the person out in their other browser; changing one's
// password in Settings.
import { expect, test, type Page } from "@playwright/test";
import { inviteUser } from "@/lib/accounts/invite-user";
import { db, disconnectDb } from "@/lib/db";
import { linkIn, startMailCatcher, type MailCatcher } from "@/tests/support/mail-catcher";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { signIn, signInThroughForm } from "@/tests/e2e/helpers/session";

const NEW_PASSWORD = "plum lantern quietly orbits";
let mail: MailCatcher;

test.use({ locale: "en-US" });
// Several page loads (and browser contexts) per test: on a loaded two-core machine more than the default minute.
test.beforeEach(() => test.slow());
test.beforeAll(async () => {
  mail = await startMailCatcher(Number(process.env.ESCRIBA_TEST_SMTP_PORT));
});
test.afterAll(async () => {
  await mail.close();
  await disconnectDb();
});

const freshEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@test.escriba`;

async function expectPasswordRuleShown(page: Page, label: string) {
  await expect(page.getByLabel(label, { exact: true })).toHaveAccessibleDescription(/^At least 10 characters and hard to guess/);
}

test("an invitation e-mail arrives; its link lets the invitee set a password and sign in, once", async ({ page, browser }) => {
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  await signIn(page, maintainer, /\/admin\/users$/);
  const email = freshEmail("invitee");
  const form = page.getByRole("form", { name: "Invite someone" });
  await expect(form).toContainText("The link works once, for 7 days.");
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Role").selectOption({ label: "Reviewer" });
  await form.getByLabel("Galician").check();
  await form.getByRole("button", { name: "Send invitation" }).click();
  const result = form.getByTestId("invitation-result");
  await expect(result).toContainText(`Invitation for ${email} created. It was sent by e-mail.`);
  const shownLink = await result.getByLabel("Invitation link").inputValue();

  const message = await mail.waitForMail(email);
  expect(message.subject).toBe("Your invitation to escriba");
  expect(linkIn(message)).toBe(shownLink);

  const invitee = await (await browser.newContext({ locale: "en-US" })).newPage();
  await invitee.goto(shownLink);
  await expect(invitee.getByText(`You are invited as Reviewer with the address ${email}.`)).toBeVisible();
  await expectPasswordRuleShown(invitee, "New password");
  await invitee.getByLabel("Your name").fill("Xiana Invited");
  await invitee.getByLabel("New password").fill("password12");
  await invitee.getByRole("button", { name: "Create my account" }).click();
  await expect(invitee.getByRole("form", { name: "Join escriba" }).getByRole("alert")).toHaveText(
    "This password is too easy to guess. Try a few unrelated words, or a longer one.",
  );
  await expect(invitee.getByLabel("New password")).toHaveAttribute("aria-invalid", "true");
  expect(await db().user.count({ where: { email } })).toBe(0);

  await invitee.getByLabel("New password").fill(NEW_PASSWORD);
  await invitee.getByRole("button", { name: "Create my account" }).click();
  await expect(invitee).toHaveURL(/\/sign-in\?welcome=invitation/);
  await expect(invitee.getByRole("status").filter({ hasText: "Your account is ready." })).toBeVisible();
  await expect(invitee.getByLabel("E-mail")).toHaveValue(email);
  await invitee.getByLabel("Password").fill(NEW_PASSWORD);
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee).toHaveURL(/\/review$/);
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  expect(user.role).toBe("reviewer");
  expect(user.languages).toEqual(["gl"]);

  await invitee.goto(shownLink);
  await expect(invitee.getByTestId("link-refused")).toHaveText("This link has already been used.");
  await invitee.context().close();
});

test("an expired invitation link is refused, on its page and by the API", async ({ page, request, baseURL }) => {
  const maintainer = await createTestUser("maintainer");
  const email = freshEmail("late");
  // A lifetime of one second instead of moving any clock: the link is simply old by the time it is opened.
  const invitation = await inviteUser(
    viewerOf(maintainer),
    { email, role: "annotator", languages: ["es"] },
    { appUrl: baseURL!, locale: "en", lifetimeSeconds: 1 },
  );
  await expect.poll(() => Date.now() > Date.parse(invitation.expiresAt) + 200).toBe(true);
  await page.goto(invitation.link);
  await expect(page.getByTestId("link-refused")).toHaveText("This link has expired. Ask for a new one.");
  const response = await request.post("/api/v1/invitations/accept", {
    data: { token: invitation.link.split("/").at(-1), name: "Late", password: NEW_PASSWORD },
  });
  expect(response.status()).toBe(422);
  expect((await response.json()).error).toMatchObject({ fields: [{ field: "token" }], details: { reason: "link_expired" } });
  expect(await db().user.count({ where: { email } })).toBe(0);
});

test("forgot password answers the same for any address; the reset link sets a new password and signs the person out elsewhere", async ({ page, browser }) => {
  const annotator = await createTestUser("annotator");
  const elsewhere = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signIn(elsewhere, annotator, /\/work$/);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  const stranger = freshEmail("nobody");
  await page.getByLabel("E-mail").fill(stranger);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const answer = page.getByRole("status");
  await expect(answer).toHaveText(`If ${stranger} belongs to an account, a link to set a new password is on its way. It works once, for 60 minutes.`);
  await page.getByLabel("E-mail").fill(annotator.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(answer).toHaveText(`If ${annotator.email} belongs to an account, a link to set a new password is on its way. It works once, for 60 minutes.`);

  const link = linkIn(await mail.waitForMail(annotator.email));
  expect(mail.messages.some((message) => message.text?.includes(stranger))).toBe(false);
  await page.goto(link);
  await expect(page.getByText(`For ${annotator.email}. Setting it signs you out on every device.`)).toBeVisible();
  await expectPasswordRuleShown(page, "New password");
  // Exact: the form itself is labelled "Set a new password".
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?welcome=reset/);
  await expect(page.getByRole("status").filter({ hasText: "Your new password is set and you are signed out everywhere." })).toBeVisible();

  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/sign-in\?ended=1$/);
  await signInThroughForm(elsewhere, annotator.email, NEW_PASSWORD);
  await expect(elsewhere).toHaveURL(/\/work$/);
  await elsewhere.context().close();

  await page.goto(link);
  await expect(page.getByTestId("link-refused")).toHaveText("This link has already been used.");
});

test("changing one's password in Settings needs the current one and says how many other sessions ended", async ({ page, browser }) => {
  const reviewer = await createTestUser("reviewer");
  const elsewhere = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signIn(elsewhere, reviewer, /\/review$/);
  await signIn(page, reviewer, /\/review$/);
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Password" });
  await expectPasswordRuleShown(page, "New password");
  await form.getByLabel("Current password").fill("not my password at all");
  await form.getByLabel("New password").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toHaveText("The current password is wrong.");
  await expect(form.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Current password")).toHaveAccessibleDescription("The current password is wrong.");

  await form.getByLabel("Current password").fill(reviewer.password);
  await form.getByLabel("New password").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed; 1 other session was signed out.");
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/sign-in\?ended=1$/);
  await page.reload();
  await expect(page).toHaveURL(/\/settings$/);
  await elsewhere.context().close();
});

test("Settings can go back to following the browser's language", async ({ page }) => {
  const annotator = await createTestUser("annotator");
  await signIn(page, annotator, /\/work$/);
  await page.goto("/settings");
  const menu = page.getByRole("main").getByLabel("Interface language");
  await menu.selectOption("eu");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ezarpenak");
  await page.getByRole("main").getByRole("combobox").first().selectOption({ value: "" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  expect((await db().user.findUniqueOrThrow({ where: { id: annotator.id } })).uiLocale).toBeNull();
});
