// Releases as people see them: a maintainer creates one and watches it build live, then publishes it; a visitor
// who never signs in reads a published release's page and downloads a file; an annotator cannot create releases.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { db, disconnectDb } from "@/lib/db";
import { createRelease } from "@/lib/releases/create-release";
import { getRelease } from "@/lib/releases/read-releases";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { nextReleaseVersion, publishedTestRelease, seedApprovedItems, sha256Hex, waitUntilBuilt } from "@/tests/e2e/helpers/releases";
import { sameOriginJsonHeaders, signIn } from "@/tests/e2e/helpers/session";
import { guardDialogs } from "@/tests/e2e/helpers/writing";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);

test("a maintainer creates a release, watches it build without reloading, and publishes it after confirming", async ({ page }) => {
  await seedApprovedItems(["es", "eu"]);
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const checkDialogs = guardDialogs(page);
  await signIn(page, maintainer, /\/admin\/users$/);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Releases" }).click();
  await expect(page).toHaveURL(/\/admin\/releases$/);

  // The server's refusals are shown next to the field they concern.
  const versionField = page.getByLabel("Version number");
  await versionField.fill("1.0");
  await page.getByRole("button", { name: "Create release" }).click();
  await expect(versionField).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#release-version-error")).toHaveText(/not a semantic version/);
  await expect(versionField).toHaveAccessibleDescription(/not a semantic version/);

  // Everything the page shows from here on must come from polling: a reload would lose this marker.
  await page.evaluate(() => Object.assign(window, { escribaSamePage: true }));
  const version = nextReleaseVersion();
  const card = page.getByTestId(`release-${version}`);
  // Every status the release's card shows, in order, however briefly.
  await page.evaluate((testId) => {
    const seen: string[] = [];
    Object.assign(window, { escribaStatusesSeen: seen });
    new MutationObserver(() => {
      const status = document.querySelector(`[data-testid="${testId}"] [data-testid="release-status"]`)?.textContent;
      if (status && seen.at(-1) !== status) seen.push(status);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, `release-${version}`);

  await versionField.fill(version);
  await page.getByLabel("Licence").selectOption("cc-by-sa-4.0");
  await page.getByLabel("Notes").fill("First release of the e2e items.");
  await page.getByRole("button", { name: "Create release" }).click();
  await expect(page.getByRole("status")).toHaveText(`Release ${version} is queued; it builds in the background.`);
  await expect(versionField).not.toHaveAttribute("aria-invalid");

  await expect(card.getByTestId("release-status")).toHaveText("Built, not published", { timeout: 45_000 });
  const built = await getRelease(viewerOf(maintainer), version);
  expect(built.statistics!.items).toBeGreaterThanOrEqual(2);
  await expect(card.getByTestId("release-progress-figure")).toHaveText(`${built.statistics!.items} items`);
  const seen = await page.evaluate(() => (window as unknown as { escribaStatusesSeen: string[] }).escribaStatusesSeen);
  expect(seen[0], `statuses shown: ${seen.join(" → ")}`).toMatch(/^(Queued|Building)$/);
  expect(seen.at(-1)).toBe("Built, not published");
  expect(await page.evaluate(() => (window as unknown as { escribaSamePage?: boolean }).escribaSamePage)).toBe(true);

  // Publishing asks first, in the page; cancelling publishes nothing.
  await card.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(card.getByRole("group")).toContainText(`Publish ${version}? Anyone will be able to download it`);
  await card.getByRole("button", { name: "Cancel" }).click();
  expect((await getRelease(viewerOf(maintainer), version)).status).toBe("built");
  await card.getByRole("button", { name: "Publish", exact: true }).click();
  await card.getByRole("button", { name: `Publish ${version} now` }).click();
  await expect(card.getByTestId("release-status")).toHaveText("Published");
  expect((await getRelease(null, version)).status).toBe("published");
  await expect(card.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);

  // The release's page is one click away.
  await card.getByRole("link", { name: `Release ${version}` }).click();
  await expect(page).toHaveURL(new RegExp(`/releases/${version.replace(/\./g, "\\.")}$`));
  await expect(page.getByTestId("dataset-card-metadata")).toContainText("cc-by-sa-4.0");
  await expect(page.getByTestId("dataset-card")).toContainText("First release of the e2e items.");
  checkDialogs();
});

test("a failed build shows its error and builds again from the page's Retry", async ({ page }) => {
  await seedApprovedItems(["ca"]);
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const version = nextReleaseVersion();
  await createRelease(viewerOf(maintainer), { version, license: "cc-by-4.0" });
  await waitUntilBuilt(maintainer, version);
  // A failure recorded as the builder records one (a full disk cannot be arranged for one test); the retry is real.
  await db().release.update({ where: { version }, data: { status: "failed", error: "ENOSPC: no space left on device, write" } });

  await signIn(page, maintainer, /\/admin\/users$/);
  await page.goto("/admin/releases");
  const card = page.getByTestId(`release-${version}`);
  await expect(card.getByTestId("release-status")).toHaveText("Failed");
  await expect(card).toContainText("ENOSPC: no space left on device, write");
  await expect(card.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
  await card.getByRole("button", { name: "Retry" }).click();
  await expect(card.getByTestId("release-status")).toHaveText("Built, not published", { timeout: 45_000 });
  await expect(card).not.toContainText("ENOSPC");
  const rebuilt = await getRelease(viewerOf(maintainer), version);
  expect(rebuilt.error).toBeNull();
  expect(rebuilt.files.length).toBeGreaterThan(0);
});

test("a maintainer discards a built release after confirming; a published one cannot be discarded", async ({ page }) => {
  await seedApprovedItems(["eu"]);
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const version = nextReleaseVersion();
  await createRelease(viewerOf(maintainer), { version, license: "cc-by-4.0" });
  const built = await waitUntilBuilt(maintainer, version);
  const checkDialogs = guardDialogs(page);

  await signIn(page, maintainer, /\/admin\/users$/);
  await page.goto("/admin/releases");
  const card = page.getByTestId(`release-${version}`);
  await card.getByRole("button", { name: "Discard", exact: true }).click();
  await expect(card.getByText(`Discard release ${version}? Its files are deleted`)).toBeVisible();
  await expect(card.getByRole("button", { name: `Discard ${version}` })).toBeFocused();
  await card.getByRole("button", { name: "Cancel" }).click();
  expect(await db().release.count({ where: { version } })).toBe(1);
  await card.getByRole("button", { name: "Discard", exact: true }).click();
  await card.getByRole("button", { name: `Discard ${version}` }).click();
  await expect(card).toHaveCount(0);
  expect(await db().release.count({ where: { id: built.id } })).toBe(0);
  const gone = await page.request.get(`/api/v1/releases/${version}`);
  expect(gone.status()).toBe(404);

  const published = await publishedTestRelease();
  const refused = await page.request.delete(`/api/v1/releases/${published.version}`, { headers: sameOriginJsonHeaders(page) });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toMatch(/published releases cannot be discarded/);
  await page.reload();
  await expect(page.getByTestId(`release-${published.version}`).getByRole("button", { name: "Discard", exact: true })).toHaveCount(0);
  checkDialogs();
});

test("a visitor who is not signed in reads a published release and downloads a file with the SHA-256 shown", async ({ browser }) => {
  const items = await seedApprovedItems(["gl"], 2);
  const release = await publishedTestRelease({ license: "cc0-1.0", notes: "Versión con textos en galego." });
  const context = await browser.newContext({ locale: "en-US", acceptDownloads: true });
  const page = await context.newPage();

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Releases" }).click();
  await expect(page).toHaveURL(/\/releases$/);
  await expect(page.getByRole("heading", { name: "Dataset releases" })).toBeVisible();
  const row = page.getByTestId(`published-release-${release.version}`);
  await expect(row).toContainText("cc0-1.0");
  await expect(row).toContainText(String(release.statistics!.items));
  // Newest first: this release was published last, so it heads the list.
  await expect(page.locator("tbody tr").first()).toHaveAttribute("data-testid", `published-release-${release.version}`);
  await row.getByRole("link", { name: release.version }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Release ${release.version}` })).toBeVisible();
  const facts = page.getByTestId("dataset-card-metadata");
  await expect(facts).toContainText("cc0-1.0");
  await expect(facts).toContainText("Galician");
  await expect(facts).toContainText(`${release.statistics!.items} items`);
  // The card's Markdown is rendered (its tables too), without its YAML front matter.
  const card = page.getByTestId("dataset-card");
  await expect(card.getByRole("heading", { name: "How it was made" })).toBeVisible();
  await expect(card).toContainText("Versión con textos en galego.");
  await expect(card).not.toContainText("pretty_name");
  await expect(card.locator("table").first()).toBeVisible();

  const galician = release.statistics!.languages.find((stats) => stats.language === "gl")!;
  const galicianRow = page.getByTestId("statistics-gl");
  await expect(galicianRow.getByRole("rowheader")).toHaveText("Galician");
  await expect(galicianRow.locator("td").last()).toHaveText(String(galician.items));
  await expect(page.getByRole("columnheader", { name: "Open question" })).toBeVisible();
  await expect(page.getByTestId("statistics-total").locator("td").last()).toHaveText(String(release.statistics!.items));
  await expect(page.getByRole("heading", { name: "Check your download" })).toBeVisible();
  await expect(page.getByText(/^sha256sum -c SHA256SUMS\s+npx escriba release verify <folder>$/)).toBeVisible();

  const fileRow = page.getByTestId("file-data/gl/train.jsonl");
  const shownSha256 = (await fileRow.getByTestId("file-sha256").textContent())!;
  expect(shownSha256).toBe(release.files.find((file) => file.path === "data/gl/train.jsonl")!.sha256);
  const downloadStarted = page.waitForEvent("download");
  await fileRow.getByRole("link", { name: "Download data/gl/train.jsonl" }).click();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toBe(`${release.version}-train.jsonl`);
  const bytes = await readFile((await download.path())!);
  expect(sha256Hex(bytes)).toBe(shownSha256);
  const lines = bytes.toString("utf8").trim().split("\n").map((line) => JSON.parse(line) as { id: string; response: string });
  for (const item of items) expect(lines.find((line) => line.id === item.id)?.response).toBe(item.response);
  await context.close();
});

test("an annotator cannot create releases: the API answers 403 and the page is forbidden", async ({ page }) => {
  const annotator = await createTestUser("annotator", ["gl"]);
  await signIn(page, annotator, /\/work$/);
  const version = nextReleaseVersion();
  const refused = await page.request.post("/api/v1/releases", { headers: sameOriginJsonHeaders(page), data: { version, license: "cc-by-4.0" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden");
  expect(await db().release.count({ where: { version } })).toBe(0);

  const response = await page.goto("/admin/releases");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create release" })).toHaveCount(0);
  // What an annotator does get: the public list.
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Releases" }).click();
  await expect(page).toHaveURL(/\/releases$/);
});
