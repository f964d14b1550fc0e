// Dangerous admin actions ask in the page first, saying what will change; Cancel changes nothing; confirming does it
// and says what happened; the confirming button looks dangerous, not like Save.
import { expect, test } from "@playwright/test";
import { db, disconnectDb } from "@/lib/db";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { signIn } from "@/tests/e2e/helpers/session";

test.use({ locale: "en-US" });
// Several page loads (and browser contexts) per test: on a loaded two-core machine more than the default minute.
test.beforeEach(() => test.slow());
test.afterAll(disconnectDb);

test("a role change and a deactivation ask first; Cancel changes nothing; confirming says what happened", async ({ page }) => {
  const maintainer = await createTestUser("maintainer");
  const other = await createTestUser("annotator");
  await signIn(page, maintainer, /\/admin\/users$/);
  const row = page.getByTestId(`user-row-${other.email}`);
  const roleMenu = row.getByLabel(`Role of ${other.email}`);

  await roleMenu.selectOption({ label: "Maintainer" });
  const question = row.getByRole("group");
  await expect(question).toContainText(`Change the role of ${other.email} from Annotator to Maintainer?`);
  await expect(question.getByRole("button", { name: "Change role" })).toBeFocused();
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(question).toHaveCount(0);
  await expect(roleMenu).toHaveValue("annotator");
  expect((await db().user.findUniqueOrThrow({ where: { id: other.id } })).role).toBe("annotator");

  await roleMenu.selectOption({ label: "Reviewer" });
  await row.getByRole("group").getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("status")).toHaveText(`${other.email} is now Reviewer.`);
  await expect(roleMenu).toHaveValue("reviewer");
  expect((await db().user.findUniqueOrThrow({ where: { id: other.id } })).role).toBe("reviewer");

  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByRole("group")).toContainText(`Deactivate ${other.email}? They are signed out at once`);
  await expect(row.getByRole("group").getByRole("button", { name: "Deactivate" })).toHaveClass(/danger/);
  await row.getByRole("group").getByRole("button", { name: "Cancel" }).click();
  expect((await db().user.findUniqueOrThrow({ where: { id: other.id } })).active).toBe(true);
  await row.getByRole("button", { name: "Deactivate" }).click();
  await row.getByRole("group").getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByRole("status")).toHaveText(`${other.email} is deactivated.`);
  expect((await db().user.findUniqueOrThrow({ where: { id: other.id } })).active).toBe(false);
});

test("closing a campaign asks first; Cancel leaves it open; confirming closes it and says so", async ({ page }) => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const maintainer = await createTestUser("maintainer");
  await signIn(page, maintainer, /\/admin\/users$/);
  await page.goto("/admin/campaigns");
  const card = page.getByTestId(`campaign-${campaign.slug}`);
  await card.getByRole("button", { name: "Close", exact: true }).click();
  const question = card.getByRole("group").filter({ hasText: "Close the campaign" });
  await expect(question).toContainText(`Close the campaign ${campaign.name}? Annotators and reviewers stop seeing it`);
  await expect(question.getByRole("button", { name: "Close campaign" })).toHaveClass(/danger/);
  await question.getByRole("button", { name: "Cancel" }).click();
  expect((await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).status).toBe("active");

  await card.getByRole("button", { name: "Close", exact: true }).click();
  await card.getByRole("button", { name: "Close campaign" }).click();
  await expect(card.getByRole("status")).toHaveText(`${campaign.name} is closed.`);
  expect((await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).status).toBe("closed");
});
