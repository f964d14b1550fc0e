// Productivity in the browser: an annotator's approvals and earnings on My progress, a maintainer sorting the
// programme's people table, and the dashboard's numbers and dates in Basque.
import { expect, test, type Page } from "@playwright/test";
import { disconnectDb } from "@/lib/db";
import { updateMyPreferences } from "@/lib/users/update-my-preferences";
import type { CampaignView } from "@/lib/campaigns/schemas";
import { reviewItem, submitItemWithText } from "@/tests/support/seed-approved-items";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { activeTime, earning, outcome, submittedItem } from "@/tests/support/seed-productivity";
import { createTestUser, type TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { signInThroughForm } from "@/tests/e2e/helpers/session";

test.afterAll(disconnectDb);
// Each test seeds people through the real sign-up path (password hashing included) before the browser starts.
test.slow();

/** The first sign-in after the app starts renders the landing page cold: give it more than the usual 10 s. */
async function signIn(page: Page, user: TestUser, landsOn: RegExp) {
  await signInThroughForm(page, user.email, user.password);
  await expect(page).toHaveURL(landsOn, { timeout: 30_000 });
}

test("an annotator's approved items appear on My progress with their earnings", async ({ page }) => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const annotator = await createTestUser("annotator", ["es"], "progress");
  const reviewer = await createTestUser("reviewer", ["es"], "progressreviewer");
  for (const topic of ["las plantas de interior", "los tomates del huerto"]) {
    const item = await submitItemWithText(annotator, campaign.id, "es", {
      instruction: `¿Cuándo conviene regar ${topic}? (${annotator.id})`,
      response: `Conviene regar ${topic} por la mañana temprano, para que el agua llegue a las raíces antes del calor del mediodía.`,
    });
    await reviewItem(reviewer, item, "approve");
  }

  await signIn(page, annotator, /\/work$/);
  await page.getByRole("link", { name: "My progress" }).click();
  await expect(page).toHaveURL(/\/me\/progress$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My progress");
  await expect(page.getByTestId("my-approved")).toHaveText("2");
  await expect(page.getByTestId("my-item-earnings")).toHaveText("€5.00");
  await expect(page.getByTestId("approved-per-day").locator("svg.recharts-surface")).toBeVisible();
  const chart = page.getByTestId("approved-per-day");
  await chart.getByText("Show as a table").click();
  const todays = await chart.getByRole("row").filter({ has: page.getByRole("cell", { name: "2", exact: true }) }).count();
  expect(todays, "today's row of the table alternative counts both approvals").toBe(1);
  await expect(page.getByRole("link", { name: "My pay statements" })).toHaveAttribute("href", "/me/statements");

  const backwards = await page.request.get("/api/v1/reports/productivity?from=2026-11-30&to=2026-11-01");
  expect(backwards.status()).toBe(422);
  expect((await backwards.json()).error.fields.map((problem: { field: string }) => problem.field)).toEqual(["query.to"]);
  const unknownCampaign = await page.request.get("/api/v1/reports/productivity?from=2026-11-01&to=2026-11-30&campaign=no-such-campaign");
  expect(unknownCampaign.status()).toBe(422);
  expect((await unknownCampaign.json()).error.fields.map((problem: { field: string }) => problem.field)).toEqual(["query.campaign"]);
  const someoneElse = await page.request.get(`/api/v1/reports/productivity?from=2026-11-01&to=2026-11-30&user=${reviewer.id}`);
  expect(someoneElse.status()).toBe(403);
});

/** Three annotators with 1, 3 and 2 approvals (and 2.50 each) in November 2025 in a campaign of their own. */
async function seedProgramme(): Promise<{ campaign: CampaignView; maintainer: TestUser; names: string[] }> {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const maintainer = await createTestUser("maintainer", ["es"], "dashboard");
  const names: string[] = [];
  for (const [index, approvals] of [1, 3, 2].entries()) {
    const annotator = await createTestUser("annotator", ["es"], `writer${"abc"[index]}`);
    names.push(annotator.name);
    for (let n = 0; n < approvals; n += 1) {
      const item = await submittedItem(annotator, campaign.id, `2025-11-1${n}T09:00:00Z`);
      await outcome(item, annotator, campaign.id, 1, "approved", `2025-11-1${n}T10:00:00Z`);
      await earning(annotator, "item", item, campaign.id, "2.50", `2025-11-1${n}T10:00:00Z`);
      await activeTime(annotator, "writing", item, `2025-11-1${n}T09:00:00Z`, 1800);
    }
  }
  return { campaign, maintainer, names };
}

async function openNovember(page: Page, campaign: CampaignView, labels: { period: string; range: string; from: string; to: string; campaign: string }) {
  await page.getByRole("group", { name: labels.period }).getByRole("combobox").selectOption("range");
  await page.getByLabel(labels.from).fill("2025-11-01");
  await page.getByLabel(labels.to).fill("2025-11-30");
  await page.getByLabel(labels.campaign, { exact: true }).selectOption(campaign.slug);
}

test("a maintainer sorts the programme's people table by any column, with the keyboard too", async ({ page }) => {
  const { campaign, maintainer, names } = await seedProgramme();
  await signIn(page, maintainer, /\/admin\/users$/);
  await page.getByRole("link", { name: "Programme" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programme dashboard");
  await openNovember(page, campaign, { period: "Period", range: "Dates", from: "From", to: "To", campaign: "Campaign" });

  const table = page.getByTestId("people-table");
  const firstCells = table.getByTestId("person-row").locator("th");
  await expect(firstCells).toHaveCount(3);
  await expect(table.getByTestId("totals-row")).toContainText("6");
  await expect(table.getByTestId("totals-row")).toContainText("€15.00");

  const approvedHeader = table.getByRole("columnheader", { name: "Approved", exact: true });
  await expect(approvedHeader).toHaveAttribute("aria-sort", "none");
  await approvedHeader.getByRole("button").click();
  await expect(approvedHeader).toHaveAttribute("aria-sort", "descending");
  await expect(firstCells.nth(0)).toContainText(names[1]!);
  await expect(firstCells.nth(1)).toContainText(names[2]!);
  await expect(firstCells.nth(2)).toContainText(names[0]!);

  await approvedHeader.getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(approvedHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(firstCells.nth(0)).toContainText(names[0]!);
  await expect(firstCells.nth(2)).toContainText(names[1]!);

  await table.getByRole("columnheader", { name: "Earnings for items" }).getByRole("button").click();
  await expect(firstCells.nth(0)).toContainText(names[1]!);
  await expect(table.getByRole("row").filter({ hasText: names[1]! })).toContainText("€7.50");

  const download = page.getByRole("link", { name: "Download the table (CSV)" });
  const csv = await (await page.request.get((await download.getAttribute("href"))!)).text();
  expect(csv.split("\r\n").filter((line) => names.some((name) => line.startsWith(name)))).toHaveLength(3);
  await expect(page.getByRole("link", { name: campaign.name }).first()).toHaveAttribute("href", /\/campaigns\/.+\/progress$/);
  await expect(page.getByRole("navigation", { name: "Progress of each campaign" }).getByRole("link", { name: "Pay periods" })).toHaveAttribute("href", "/admin/periods");
});

test("in Basque the dashboard's numbers and dates are Basque", async ({ page }) => {
  const { campaign, maintainer, names } = await seedProgramme();
  await updateMyPreferences(viewerOf(maintainer), { uiLocale: "eu" });
  await signIn(page, maintainer, /\/admin\/users$/);
  await page.goto("/programme");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programaren panela");
  await openNovember(page, campaign, { period: "Aldia", range: "Datak", from: "Noiztik", to: "Noiz arte", campaign: "Kanpaina" });

  const day = (date: string) => new Intl.DateTimeFormat("eu", { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" }).format(new Date(`${date}T12:00:00Z`));
  await expect(page.getByTestId("period-shown")).toHaveText(`${day("2025-11-01")} – ${day("2025-11-30")}`);
  await expect(page.getByTestId("period-shown")).toContainText("azaroaren");
  const busiest = page.getByTestId("people-table").getByRole("row").filter({ hasText: names[1]! });
  await expect(busiest).toContainText("7,50 €");
  await expect(busiest).toContainText("1,5"); // three half hours of writing, with a decimal comma
  const totals = page.getByTestId("totals-row");
  await expect(totals).toContainText("Guztira");
  await expect(totals).toContainText("15,00 €");
  await expect(totals).toContainText("% 100");

  const chart = page.getByTestId("programme-approved-per-day");
  await chart.getByText("Erakutsi taula gisa").click();
  await expect(chart.getByRole("rowheader", { name: day("2025-11-10") })).toBeVisible();
});
