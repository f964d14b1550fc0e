// Pay as a maintainer does it in Chromium: a period for today, closed early after an in-page confirmation that says
// so, a statement downloaded whose lines and total are exactly right (an item sent back and re-approved is paid
// once), and a retraction after closing that leaves the statement and its CSV byte for byte as they were.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { disconnectDb } from "@/lib/db";
import { retractItem } from "@/lib/items/retract-item";
import { signIn, signInThroughForm } from "@/tests/e2e/helpers/session";
import { guardDialogs } from "@/tests/e2e/helpers/writing";
import { programmeToday, review, rework } from "@/tests/support/pay-flows";
import { readCsv } from "@/tests/support/read-csv";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function download(page: Page, link: ReturnType<Page["getByRole"]>) {
  const started = page.waitForEvent("download");
  await link.click();
  const file = await started;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test("a maintainer closes a period early and downloads a statement that pays a reworked item once; a later retraction changes nothing", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const campaign = await createTestCampaign({ languages: ["gl"] });
  const author = await createTestUser("annotator", ["gl"], "autora");
  const reviewer = viewerOf(await createTestUser("reviewer", ["gl"]));
  const reworked = await submitTestItem(author, campaign.id, "gl", `pago e2e ${Date.now()}`);
  await review(reviewer, reworked.id, "request_changes");
  await rework(viewerOf(author), reworked.id);
  await review(reviewer, reworked.id, "approve");
  const direct = await submitTestItem(author, campaign.id, "gl", `pago directo ${Date.now()}`);
  await review(reviewer, direct.id, "approve");

  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const checkDialogs = guardDialogs(page);
  await signInThroughForm(page, maintainer.email, maintainer.password);
  // The first sign-in may meet a cold server (this spec can run first): it gets longer than the usual 10 s.
  await expect(page).toHaveURL(/\/admin\/users$/, { timeout: 30_000 });
  await page.getByRole("link", { name: "Pay periods" }).click();
  await expect(page.getByRole("heading", { name: "Pay periods", level: 1 })).toBeVisible();

  const label = `e2e-${Date.now()}`;
  const today = programmeToday();
  await page.getByLabel("Label").fill(label);
  await page.getByLabel("First day").fill(today);
  await page.getByLabel("Last day").fill("2000-01-01");
  await page.getByRole("button", { name: "Create period" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The last day cannot be before the first day." })).toBeVisible();
  await expect(page.getByLabel("Last day")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Last day").fill(today);
  await page.getByRole("button", { name: "Create period" }).click();
  await expect(page.getByRole("status")).toHaveText(`Pay period ${label} created.`);
  const row = page.getByTestId(`pay-period-${label}`);
  await expect(row).toContainText("Open");

  await row.getByRole("link", { name: label }).click();
  await expect(page.getByRole("heading", { name: `Pay period ${label}` })).toBeVisible();
  await page.getByRole("button", { name: "Close now…" }).click();
  const confirmation = page.getByRole("group");
  await expect(confirmation).toContainText(`${label} has not ended yet`);
  await expect(confirmation).toContainText("Closing now ends it at this instant: anything earned afterwards falls to the next period.");
  await confirmation.getByRole("button", { name: `Close ${label}` }).click();
  await expect(page.getByText("Closed", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /Close/ })).toHaveCount(0);

  const statementRow = page.getByTestId(`statement-of-${author.email}`);
  await expect(statementRow).toContainText("€5.00");
  const shown = (await statementRow.locator("code").textContent())!.trim();
  const first = await download(page, statementRow.getByRole("link", { name: "CSV" }));
  expect(sha256(first.bytes)).toBe(shown);
  const rows = readCsv(first.bytes.toString("utf8"));
  const column = (name: string) => rows[0]!.indexOf(name);
  const lines = rows.slice(1).filter((cells) => cells[column("kind")] !== "total");
  expect(lines.map((cells) => [cells[column("item_id")], cells[column("kind")], cells[column("rate")], cells[column("amount")]]).sort()).toEqual(
    [
      [reworked.id, "item", "2.50", "2.50"],
      [direct.id, "item", "2.50", "2.50"],
    ].sort(),
  );
  const totals = rows.slice(1).filter((cells) => cells[column("kind")] === "total");
  expect(totals.map((cells) => [cells[column("amount")], cells[column("currency")]])).toEqual([["5.00", "EUR"]]);

  // Retracted after closing: the statement and its CSV stay as they were; the page notes the retraction.
  await retractItem(viewerOf(maintainer), reworked.id, { reason: "Fonte sen licenza clara." });
  await page.reload();
  const again = await download(page, page.getByTestId(`statement-of-${author.email}`).getByRole("link", { name: "CSV" }));
  expect(again.bytes.equals(first.bytes)).toBe(true);
  expect(sha256(again.bytes)).toBe(shown);
  await page.getByTestId(`statement-of-${author.email}`).getByRole("link", { name: author.name, exact: true }).click();
  await expect(page.getByTestId("statement-lines").locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("statement-total-EUR")).toHaveText("€5.00");
  await expect(page.getByTestId("retracted-note")).toHaveCount(1);
  await expect(page.getByTestId("statement-sha256")).toHaveText(shown);
  checkDialogs();

  // The author sees the same statement among their own, and nobody else's.
  const authorContext = await browser.newContext({ locale: "en-US" });
  const authorPage = await authorContext.newPage();
  await signIn(authorPage, author, /\/work$/);
  await authorPage.getByRole("link", { name: "My statements" }).click();
  await expect(authorPage.getByTestId("my-statements").locator("tbody tr")).toHaveCount(1);
  await expect(authorPage.getByTestId("my-statements")).toContainText(shown);
  const foreign = await authorPage.request.get(`/api/v1/pay-periods`);
  expect(foreign.status()).toBe(403);
  await authorContext.close();
});
