// The item explorer as a maintainer uses it: a Basque word in another inflection finds the item, Galician items with
// personal data declared fictional are filtered from the keyboard-first table, one is opened and read in full, the
// selection is exported and two items are retracted after confirming the count. Annotators get 403.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { db, disconnectDb } from "@/lib/db";
import { uniqueTag } from "@/tests/e2e/helpers/releases";
import { signIn } from "@/tests/e2e/helpers/session";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { reviewItem, submitItemWithText } from "@/tests/support/seed-approved-items";
import { createTestUser } from "@/tests/support/seed-users";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);

async function seedExplorerItems() {
  const campaign = await createTestCampaign({ languages: ["eu", "gl"] });
  const author = await createTestUser("annotator", ["eu", "gl"], "author");
  const reviewer = await createTestUser("reviewer", ["eu", "gl"], "reviewer");
  const approved = async (language: "eu" | "gl", text: Parameters<typeof submitItemWithText>[3]) => {
    const item = await submitItemWithText(author, campaign.id, language, { ...text, response: `${text.response} (${uniqueTag()})` });
    await reviewItem(reviewer, item, "approve");
    return item;
  };
  const basque = await approved("eu", {
    instruction: "Nolakoa da udazkena Euskal Herriko mendietan?",
    response: "Udazkenean pagadiak gorritu egiten dira eta lainoa goizetan mendietan geratzen da; ibilaldi luzeetarako sasoi ona da.",
  });
  const withPii = await approved("gl", {
    instruction: "Escribe un exemplo de carta de presentación para unha biblioteca municipal.",
    response: "Estimada directora: chámome Uxía Pereira, o meu DNI é 12345678Z e gustaríame colaborar cos clubs de lectura da biblioteca.",
    piiDeclaredFictional: true,
  });
  const withPiiToo = await approved("gl", {
    instruction: "Redacta unha mensaxe curta para confirmar unha reserva nun restaurante.",
    response: "Ola, son Brais Outeiro, reservei mesa para catro ás nove; o meu DNI é 87654321X por se o precisades na entrada.",
    piiDeclaredFictional: true,
  });
  const plainGalician = await approved("gl", {
    instruction: "Que diferenza hai entre unha ría e un esteiro?",
    response: "Unha ría é un val fluvial asolagado polo mar, mentres que un esteiro é a desembocadura ampla dun río onde se mesturan auga doce e salgada.",
  });
  return { campaign, basque, withPii, withPiiToo, plainGalician };
}

test("a maintainer finds, filters, reads, exports and retracts items in the explorer", async ({ page }) => {
  const { campaign, basque, withPii, withPiiToo, plainGalician } = await seedExplorerItems();
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  await signIn(page, maintainer, /\/admin\/users$/);
  // The campaign is part of the shareable URL, so other specs' items stay out of this one's way.
  await page.goto(`/explorer?campaign=${campaign.id}`);
  const results = page.getByTestId("explorer-results");
  await expect(results.locator("tbody tr")).toHaveCount(4);

  // "/" focuses the search; "mendira" (to the mountain) finds "mendietan" (in the mountains) through the Basque stemmer.
  await page.locator("body").press("/");
  await expect(page.getByTestId("explorer-search")).toBeFocused();
  await page.keyboard.type("mendira");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=mendira/);
  await expect(results.locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId(`explorer-row-${basque.id}`)).toBeVisible();
  // Hostile input is just words: nothing found, no error.
  await page.getByTestId("explorer-search").fill(`"') OR 1=1 -- & | ! <-> :* \\ ${"x".repeat(3000)}`);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("explorer-total")).toHaveText("0 items found");
  await expect(page.locator(".explorer").getByRole("alert")).toHaveCount(0);
  await page.getByTestId("explorer-search").fill("");
  await page.keyboard.press("Enter");

  // Galician items whose personal data was declared fictional; the counts say how many each choice leaves. The page's
  // navigations are held back a moment, as a busy server does: two filters chosen in quick succession both stay
  // (each used to start from the URL as it was, and the second dropped the first).
  const slowNavigation = (url: URL) => url.pathname === "/explorer" && url.searchParams.has("_rsc");
  await page.route(slowNavigation, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue().catch(() => {});
  });
  await page.getByTestId("filter-language").selectOption("gl");
  await expect(page.getByTestId("filter-piiFictional").locator("xpath=..")).toContainText("Personal data declared fictional (2)");
  await page.getByTestId("filter-piiFictional").selectOption("yes");
  await expect(page.getByTestId("filter-language")).toHaveValue("gl");
  await expect(page).toHaveURL(/language=gl/);
  await expect(page).toHaveURL(/piiFictional=yes/);
  await page.unroute(slowNavigation);
  await expect(page.getByTestId("explorer-total")).toHaveText("2 items found");
  await expect(results.locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId(`explorer-row-${plainGalician.id}`)).toHaveCount(0);

  // The URL holds the whole query: loaded afresh, it shows the same.
  const shared = page.url();
  await page.goto(shared);
  await expect(results.locator("tbody tr")).toHaveCount(2);

  // Keyboard: j moves to the first row, Enter opens it; the page shows the whole text and its history.
  await page.locator("body").press("j");
  const firstLink = results.locator("tbody tr").first().locator("a[data-row-link]");
  await expect(firstLink).toBeFocused();
  const firstId = (await results.locator("tbody tr").first().getAttribute("data-testid"))!.replace("explorer-row-", "");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/history/${firstId}$`));
  const opened = [withPii, withPiiToo].find((item) => item.id === firstId)!;
  await expect(page.getByTestId("item-response")).toHaveText(opened.response);
  await expect(page.getByTestId("item-instruction")).toHaveText(opened.instruction);
  await expect(page.getByTestId("item-pii-fictional")).toHaveText("Yes");
  await expect(page.getByTestId("revision-1")).toBeVisible();
  await expect(page.getByTestId("feedback-reviews")).toContainText("Approved");
  await expect(page.getByTestId("item-audit")).toContainText("item.submitted");
  await page.goBack();
  await expect(results.locator("tbody tr")).toHaveCount(2);

  // Export what the filters found, after the page asks with the count.
  const bulk = page.getByTestId("explorer-bulk");
  await bulk.getByRole("button", { name: "Export JSONL" }).click();
  await expect(bulk.getByText("Export 2 items as JSONL?")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), bulk.getByRole("button", { name: "Export", exact: true }).click()]);
  const lines = (await readFile((await download.path())!, "utf8")).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines.map((line) => line.externalId).sort()).toEqual([withPii.id, withPiiToo.id].sort());
  expect(lines.find((line) => line.externalId === withPii.id)).toMatchObject({ language: "gl", response: withPii.response, status: "approved" });
  await expect(bulk.getByText("Export 2 items as JSONL?"), "the question closes once the download starts").toHaveCount(0);

  // Tick both rows (x ticks the focused one) and retract them with one reason, after confirming.
  await page.locator("body").press("j");
  await page.keyboard.press("x");
  await results.locator("tbody tr").nth(1).getByRole("checkbox").check();
  await expect(bulk.getByRole("heading")).toHaveText("2 ticked items");
  const reason = "A autora pediu retirar os textos con datos persoais, aínda que sexan ficticios.";
  await page.getByTestId("bulk-retract-reason").fill(reason);
  await bulk.getByRole("button", { name: "Retract", exact: true }).click();
  await expect(bulk.getByText("Retract 2 items? Only approved items are retracted, and this cannot be undone.")).toBeVisible();
  await bulk.getByRole("group", { name: /^Retract 2 items\?/ }).getByRole("button", { name: "Cancel" }).click();
  expect((await db().item.findUniqueOrThrow({ where: { id: withPii.id } })).status, "cancel changes nothing").toBe("approved");
  await bulk.getByRole("button", { name: "Retract", exact: true }).click();
  await bulk.getByRole("button", { name: "Retract now" }).click();
  await expect(page.getByTestId("bulk-outcome")).toHaveText("Retracted: 2. Left as they were (not approved): 0.");
  for (const item of [withPii, withPiiToo]) {
    expect((await db().item.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("retracted");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: item.id, action: "item.retracted" } });
    expect(audit.actorId).toBe(maintainer.id);
    expect(audit.payload).toEqual({ reason });
  }
  expect((await db().item.findUniqueOrThrow({ where: { id: plainGalician.id } })).status, "only the selection").toBe("approved");
  expect((await db().item.findUniqueOrThrow({ where: { id: basque.id } })).status).toBe("approved");
});

test("a maintainer uploads a JSONL file and follows the import in the page, with each refused line named", async ({ page }) => {
  const campaign = await createTestCampaign({ languages: ["gl"] });
  const author = await createTestUser("annotator", ["gl"], "author");
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const run = uniqueTag();
  const file = [
    { externalId: `${run}-1`, language: "gl", category: "open_qa", authorEmail: author.email, status: "submitted",
      instruction: `Como se conserva ben o pan de millo na casa? (${run})`,
      response: "Gárdase envolto nun pano de algodón nun lugar fresco e seco, e pódese quentar no forno uns minutos antes de comelo." },
    { externalId: `${run}-2`, language: "gl", category: "open_qa", authorEmail: author.email, instruction: `Sen resposta (${run})` },
    { externalId: `${run}-3`, language: "gl", category: "open_qa", authorEmail: author.email, status: "draft",
      instruction: `Que se celebra no magosto? (${run})`,
      response: "O magosto celébrase no outono arredor do lume, asando castañas e compartíndoas con viño novo entre veciños." },
  ].map((line) => JSON.stringify(line)).join("\n");
  await signIn(page, maintainer, /\/admin\/users$/);
  await page.goto("/explorer");
  const panel = page.getByTestId("import-upload");
  await panel.getByLabel("Campaign").selectOption(campaign.slug);
  await panel.getByLabel("File").setInputFiles({ name: "pilot.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(file) });
  await panel.getByLabel("Dry run (write nothing, only report)").uncheck();
  await panel.getByRole("button", { name: "Start import" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("3 lines: 2 created, 0 updated, 0 skipped, 1 refused.", { timeout: 30_000 });
  await expect(panel.getByText("Finished")).toBeVisible();
  await expect(page.getByTestId("import-problems").locator("tbody tr")).toHaveText([/^2\s*response\s*This field is missing\.$/]);
  const imported = await db().item.findMany({ where: { campaignId: campaign.id }, orderBy: { externalId: "asc" } });
  expect(imported.map((item) => [item.externalId, item.status])).toEqual([
    [`${run}-1`, "submitted"],
    [`${run}-3`, "draft"],
  ]);
});

test("an annotator cannot open the explorer, nor call its API", async ({ page }) => {
  const annotator = await createTestUser("annotator", ["gl"]);
  await signIn(page, annotator, /\/work$/);
  const response = await page.goto("/explorer");
  expect(response?.status()).toBe(403);
  const api = await page.request.get("/api/v1/explorer/items?q=casa");
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("forbidden");
});
