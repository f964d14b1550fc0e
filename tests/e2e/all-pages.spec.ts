// Every page of every role (signed out, annotator, reviewer, maintainer), in all five UI languages, at 1366 px and at a
// 390 px phone: no page scrolls sideways, axe-core finds nothing serious or critical, and every visible text belongs
// to the page's language.
//
// How "belongs to the page's language" is decided (tests/support/catalog-text.ts): each visible text node (and each
// aria-label, placeholder and option) must be produced by that language's catalog — each message compiled to a
// pattern whose arguments must themselves be known, so an English server message cannot hide inside "{field}:
// {message}" — or by the locale's own Intl formatting (dates, relative times, lists; words taken from Intl itself), or
// be an identifier (addresses, versions, file names, ids), or be data people typed, which the test looks up in the
// database (names, item texts, guidelines, notes … of this spec and of every spec running beside it). Text without
// letters passes. Nothing else does: an English string on a Basque page has no Basque message, no Basque date word,
// and is no one's data, so the test names it. Code and preformatted blocks hold data by nature and are skipped.
//
// Run time: one signed-in context per role and language, reused for its pages; each page is loaded once, audited at
// 1366 px, then resized to 390 px and audited again. `ESCRIBA_SCREENSHOTS=1` also writes the main pages' screenshots
// (English, both widths) to docs/screenshots/.
import { mkdir } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { disconnectDb } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import { createPayPeriod } from "@/lib/pay/create-pay-period";
import { listReleases } from "@/lib/releases/read-releases";
import { UI_LOCALES, type UiLocale } from "@/lib/vocabulary";
import { publishedTestRelease, seedApprovedItems } from "@/tests/e2e/helpers/releases";
import { signIn } from "@/tests/e2e/helpers/session";
import { catalogTextChecker } from "@/tests/support/catalog-text";
import { claimItem } from "@/tests/support/claim-item";
import { isTypedData } from "@/tests/support/typed-data";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser, type TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

test.afterAll(disconnectDb);

const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const BROWSER_LOCALE: Record<UiLocale, string> = { en: "en-GB", es: "es-ES", ca: "ca-ES", eu: "eu-ES", gl: "gl-ES" };

type Role = "anonymous" | "annotator" | "reviewer" | "maintainer";
interface Route {
  path: string;
  /** Its screenshot's name, for the main pages. */
  screenshot?: string;
}

interface Seed {
  users: Record<Exclude<Role, "anonymous">, TestUser>;
  routes: Record<Role, Route[]>;
}

let seed: Seed;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const campaign = await createTestCampaign({ languages: ["es", "ca", "eu", "gl"] });
  const annotator = await createTestUser("annotator", ["es", "ca", "eu", "gl"], "annotator");
  const reviewer = await createTestUser("reviewer", ["es", "ca", "eu", "gl"], "reviewer");
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"], "maintainer");
  const tag = `pages ${Date.now()}`;
  const draft = await createDraft(viewerOf(annotator), {
    campaignId: campaign.id,
    language: "gl",
    category: "open_qa",
    instruction: `Explica por que o ceo é azul (${tag}).`,
    response: "Porque a luz azul dispérsase máis ca vermella no aire.",
  });
  const submitted = await submitTestItem(annotator, campaign.id, "es", tag);
  const toReview = await submitTestItem(annotator, campaign.id, "eu", tag);
  await claimItem(viewerOf(reviewer), toReview);
  // A one-day period on a day no other spec uses (they take today's), so it never overlaps theirs.
  const day = new Date(Date.UTC(2001 + Math.floor(Math.random() * 20), 0, 1 + Math.floor(Math.random() * 360))).toISOString().slice(0, 10);
  const period = await createPayPeriod(viewerOf(maintainer), { label: `pages-${Date.now()}`, startsOn: day, endsOn: day });
  // A published release for its public page: another spec's if one is out, else one of this spec's own.
  let release = (await listReleases(null))[0];
  if (!release) {
    await seedApprovedItems(["es"]);
    release = await publishedTestRelease();
  }

  const everyone: Route[] = [{ path: `/releases/${release.version}`, screenshot: "release" }, { path: "/about/provenance" }];
  const signedIn: Route[] = [
    { path: "/campaigns" },
    { path: `/campaigns/${campaign.slug}/progress` },
    { path: "/me/progress" },
    { path: "/settings" },
    { path: "/releases" },
    ...everyone,
  ];
  seed = {
    users: { annotator, reviewer, maintainer },
    routes: {
      anonymous: [{ path: "/sign-in", screenshot: "sign-in" }, { path: "/releases", screenshot: "releases" }, ...everyone],
      annotator: [
        { path: "/work", screenshot: "my-work" },
        { path: "/work/new" },
        { path: `/work/items/${draft.id}`, screenshot: "editor" },
        { path: `/history/${submitted.id}` },
        { path: "/me/statements" },
        ...signedIn,
      ],
      reviewer: [
        { path: "/review", screenshot: "review-queue" },
        { path: `/review/items/${toReview.id}`, screenshot: "review-screen" },
        { path: "/review/quality" },
        { path: "/explorer" },
        { path: "/work" },
        ...signedIn,
      ],
      maintainer: [
        { path: "/admin/users" },
        { path: "/admin/campaigns", screenshot: "campaigns" },
        { path: "/admin/adjudications" },
        { path: "/admin/releases" },
        { path: "/admin/periods" },
        { path: `/admin/periods/${period.id}` },
        { path: "/admin/provenance" },
        { path: "/programme" },
        { path: "/programme/review-quality" },
        { path: "/explorer" },
        ...signedIn,
      ],
    },
  };
});

/** One sign-in per role, its cookie reused by every language's context (the UI language follows the browser). */
const storageStates = new Map<Role, Awaited<ReturnType<Awaited<ReturnType<Browser["newContext"]>>["storageState"]>>>();

async function contextFor(browser: Browser, role: Role, locale: UiLocale) {
  if (role !== "anonymous" && !storageStates.has(role)) {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await signIn(page, seed.users[role], /\/(work|review|admin\/users)$/);
    storageStates.set(role, await context.storageState());
    await context.close();
  }
  return browser.newContext({ locale: BROWSER_LOCALE[locale], viewport: WIDE, storageState: storageStates.get(role) });
}

/** Visible text nodes, and the names people hear or see in attributes, as the browser renders them. */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    // Content marked with a language of its own (a dataset card is a published file, in English) is not UI text.
    const inPageLanguage = (element: Element) => element.closest("[lang]") === document.documentElement;
    const skipped = "script, style, noscript, template, code, pre, textarea";
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
      if (!text || !parent || parent.closest(skipped) || !inPageLanguage(parent)) continue;
      if (parent.closest("option")) {
        texts.push(text);
        continue;
      }
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      texts.push(text);
    }
    for (const element of document.body.querySelectorAll("[aria-label], [placeholder], [title]")) {
      if (element.closest(skipped) || !inPageLanguage(element) || !element.checkVisibility({ visibilityProperty: true })) continue;
      for (const name of ["aria-label", "placeholder", "title"]) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return [...new Set(texts)];
  });
}

async function settle(page: Page) {
  // Client components fetch after hydration; pages with live refresh never go fully idle, hence the cap.
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
}

async function audit(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  if (scrollWidth > innerWidth) {
    const widest = await page.evaluate((limit) => {
      const offenders: string[] = [];
      for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.right > limit + 1 && offenders.length < 3) offenders.push(`${element.tagName.toLowerCase()}.${element.className}`);
      }
      return offenders.join(", ");
    }, innerWidth);
    problems.push(`${where}: scrolls sideways (${scrollWidth} px in ${innerWidth} px; ${widest})`);
  }
  const axe = await new AxeBuilder({ page }).analyze();
  for (const violation of axe.violations) {
    if (violation.impact !== "serious" && violation.impact !== "critical") continue;
    const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ");
    problems.push(`${where}: axe ${violation.impact} ${violation.id} (${violation.help}) at ${targets}`);
  }
  return problems;
}

const ROLES: Role[] = ["anonymous", "annotator", "reviewer", "maintainer"];

// English first (it takes the screenshots), then Basque, whose dates and words were the most often wrong.
const LOCALES: UiLocale[] = ["en", "eu", ...UI_LOCALES.filter((locale) => locale !== "en" && locale !== "eu")];

for (const locale of LOCALES) {
  for (const role of ROLES) {
    test(`${role}, ${locale}: every page fits 390 px and 1366 px, passes axe, and speaks ${locale}`, async ({ browser }) => {
      test.setTimeout(300_000);
      const context = await contextFor(browser, role, locale);
      const page = await context.newPage();
      const checker = catalogTextChecker(locale, isTypedData);
      const problems: string[] = [];
      for (const route of seed.routes[role]) {
        await page.setViewportSize(WIDE);
        const response = await page.goto(route.path);
        expect(response?.status(), `${route.path} as ${role}`).toBeLessThan(400);
        await settle(page);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        for (const text of await visibleTexts(page)) {
          if (!(await checker.known(text))) problems.push(`${locale} ${route.path}: text not in the ${locale} catalog: ${JSON.stringify(text)}`);
        }
        const shoot = locale === "en" && route.screenshot && process.env.ESCRIBA_SCREENSHOTS === "1";
        problems.push(...(await audit(page, `${locale} ${route.path} at 1366 px`)));
        if (shoot) await screenshot(page, `${route.screenshot}-1366`);
        await page.setViewportSize(PHONE);
        problems.push(...(await audit(page, `${locale} ${route.path} at 390 px`)));
        if (shoot) await screenshot(page, `${route.screenshot}-390`);
      }
      await context.close();
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }
}

async function screenshot(page: Page, name: string) {
  await mkdir("docs/screenshots", { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: false, animations: "disabled" });
}
