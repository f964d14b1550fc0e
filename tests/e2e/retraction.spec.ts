// Retraction as a maintainer does it: from an item id found in a release file to the item's page, a reason, a
// confirmation in the page, and the item marked retracted for everyone who can see it. Others are not offered it.
import { expect, test } from "@playwright/test";
import { db, disconnectDb } from "@/lib/db";
import { seedApprovedItems } from "@/tests/e2e/helpers/releases";
import { sameOriginJsonHeaders, signIn } from "@/tests/e2e/helpers/session";
import { guardDialogs } from "@/tests/e2e/helpers/writing";
import { createTestUser } from "@/tests/support/seed-users";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);

test("a maintainer opens an approved item by its id and retracts it, giving a reason and confirming in the page", async ({ page }) => {
  const [item, untouched] = await seedApprovedItems(["ca"], 2);
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const checkDialogs = guardDialogs(page);
  await signIn(page, maintainer, /\/admin\/users$/);
  await page.goto("/admin/releases");

  const idField = page.getByLabel("Item id");
  await idField.fill("item 42");
  await page.getByRole("button", { name: "Open", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "An item id looks like" })).toBeVisible();
  await expect(idField).toHaveAttribute("aria-invalid", "true");
  // As copied from a file: surrounding spaces and any case are fine.
  await idField.fill(`  ${item!.id.toUpperCase()} `);
  await page.getByRole("button", { name: "Open", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/history/${item!.id}$`));
  await expect(page.getByTestId("history-status")).toHaveText("Approved");

  const panel = page.getByTestId("retract-item");
  await panel.getByRole("button", { name: "Retract item" }).click();
  await expect(panel.getByRole("alert")).toHaveText("Say why the item is retracted.");
  const reason = "La font no permet redistribuir el text (avís del titular, 2026-11-20).";
  await panel.getByLabel(/^Reason/).fill(reason);
  await panel.getByRole("button", { name: "Retract item" }).click();
  await expect(panel.getByText("Retract this item from future releases? This cannot be undone.")).toBeVisible();
  // Cancelling changes nothing; confirming is a second, deliberate step.
  await panel.getByRole("button", { name: "Cancel" }).click();
  expect((await db().item.findUniqueOrThrow({ where: { id: item!.id } })).status).toBe("approved");
  await panel.getByRole("button", { name: "Retract item" }).click();
  await expect(panel.getByRole("button", { name: "Yes, retract it" })).toBeFocused();
  await panel.getByRole("button", { name: "Yes, retract it" }).click();

  await expect(page.getByTestId("history-status")).toHaveText("Retracted");
  const notice = page.getByTestId("retraction");
  await expect(notice).toContainText(`Retracted by ${maintainer.name} on`);
  await expect(notice).toContainText(reason);
  await expect(page.getByTestId("retract-item")).toHaveCount(0);
  const stored = await db().item.findUniqueOrThrow({ where: { id: item!.id } });
  expect(stored.status).toBe("retracted");
  expect(stored.retractedAt).not.toBeNull();
  const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: item!.id, action: "item.retracted" } });
  expect(audit.actorId).toBe(maintainer.id);
  expect(audit.payload).toEqual({ reason });
  expect((await db().item.findUniqueOrThrow({ where: { id: untouched!.id } })).status, "only that item").toBe("approved");

  // The reload shows the same, from the server.
  await page.reload();
  await expect(page.getByTestId("history-status")).toHaveText("Retracted");
  await expect(page.getByTestId("retraction")).toContainText(reason);
  checkDialogs();
});

test("a reviewer sees an approved item without the retraction panel, and the API refuses them", async ({ page }) => {
  const [item] = await seedApprovedItems(["eu"], 1);
  const reviewer = await createTestUser("reviewer", ["eu"]);
  await signIn(page, reviewer, /\/review$/);
  await page.goto(`/history/${item!.id}`);
  await expect(page.getByTestId("history-status")).toHaveText("Approved");
  await expect(page.getByTestId("retract-item")).toHaveCount(0);

  const refused = await page.request.post(`/api/v1/items/${item!.id}/retract`, {
    headers: sameOriginJsonHeaders(page),
    data: { reason: "Ez dut gustuko." },
  });
  expect(refused.status()).toBe(403);
  expect((await db().item.findUniqueOrThrow({ where: { id: item!.id } })).status).toBe("approved");
});
