// Server errors reach people in their own language: the form shows the catalog's words for the error's code and the
// field it names, never the server's English message (here in Basque, for an e-mail and a short name already used).
import { expect, test } from "@playwright/test";
import { db, disconnectDb } from "@/lib/db";
import { updateMyPreferences } from "@/lib/users/update-my-preferences";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { signIn } from "@/tests/e2e/helpers/session";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);

async function basqueMaintainer(page: import("@playwright/test").Page) {
  const maintainer = await createTestUser("maintainer");
  await updateMyPreferences(viewerOf(maintainer), { uiLocale: "eu" });
  await signIn(page, maintainer, /\/admin\/users$/);
}

test("an e-mail already registered is refused in Basque, naming the field by its label", async ({ page }) => {
  const existing = await createTestUser("annotator", ["eu"]);
  await basqueMaintainer(page);
  const form = page.getByRole("form", { name: "Sortu kontua" });
  await form.getByLabel("Helbide elektronikoa").fill(existing.email);
  await form.getByLabel("Izena", { exact: true }).fill("Bikoitza");
  await form.getByLabel("Hasierako pasahitza").fill("lavender otter quarry 19");
  await form.getByRole("button", { name: "Sortu kontua" }).click();
  const alert = form.getByRole("alert");
  await expect(alert).toHaveText(
    "Lehendik dagoen edo bitartean aldatu den zerbaitekin talka egiten du. Helbide elektronikoa: erabilita dago jada.",
  );
  await expect(alert).not.toContainText("registered");
  expect(await db().user.count({ where: { email: existing.email } })).toBe(1);
});

test("a campaign's short name already used is refused in Basque from the new-campaign form", async ({ page }) => {
  const taken = await createTestCampaign({ languages: ["eu"] });
  await basqueMaintainer(page);
  await page.goto("/admin/campaigns");
  const form = page.getByRole("form", { name: "Sortu kanpaina" });
  await form.getByLabel("Izena", { exact: true }).fill("Bikoitza");
  await form.getByLabel("Izen laburra (URLetarako)").fill(taken.slug);
  await form.getByRole("button", { name: "Sortu kanpaina" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "Lehendik dagoen edo bitartean aldatu den zerbaitekin talka egiten du. Izen laburra: erabilita dago jada.",
  );
  expect(await db().campaign.count({ where: { slug: taken.slug } })).toBe(1);
});
