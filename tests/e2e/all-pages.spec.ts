// Every page of every role (signed out, annotator, reviewer, maintainer), in all five UI languages, at 1366 px and at a
// 390 px phone: no page scrolls sideways, axe-core finds nothing serious or critical, and every visible text belongs
// to the page's language.
//
// How "belongs to the page's language" is decided (tests/support/catalog-text.ts): each visible text node (and each
// aria-label, placeholder and option) must be produced by that language's catalog — each message compiled to a
// pattern whose arguments must themselves be known, so an English server message cannot hide inside "{field}:
// {message}" — or by the locale's own Intl formatting (dates, relative times, lists; words taken from Intl itself), or
// be an identifier (addresses, versions, file names, ids), or be data people typed, which the test looks up in the
// database (names, item texts, guidelines, notes … of this spec and of the specs that ran before it). Text without
// letters passes. Nothing else does: an English string on a Basque page has no Basque message, no Basque date word,
// and is no one's data, so the test names it. Code and preformatted blocks hold data by nature and are skipped.
//
// Part of `npm test`, in a run of its own after the other browser specs (project "audit" in playwright.config.ts):
// nothing edits or deletes the rows it reads back meanwhile. One test per role and language, shared by both workers;
// one sign-in per role and worker, reused by its languages; each page is loaded once, audited at 1366 px, then resized
// to 390 px and audited again, with a soft assertion per page so a failure names every page at fault.
// `ESCRIBA_SCREENSHOTS=1` also writes the main pages' screenshots (English, both widths) to docs/screenshots/.
import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import axe from "axe-core";
import { inviteUser } from "@/lib/accounts/invite-user";
import { newLinkToken } from "@/lib/accounts/account-links";
import { db, disconnectDb } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import { createAdjustment } from "@/lib/pay/adjustments";
import { closePayPeriod } from "@/lib/pay/close-pay-period";
import { createPayPeriod } from "@/lib/pay/create-pay-period";
import { listStatements } from "@/lib/pay/read-statements";
import { decideReview } from "@/lib/reviews/decide-review";
import { listReleases } from "@/lib/releases/read-releases";
import { RELEASE_LICENSES } from "@/lib/releases/schemas";
import { UI_LOCALES, type UiLocale } from "@/lib/vocabulary";
import { publishedTestRelease, seedApprovedItems } from "@/tests/e2e/helpers/releases";
import { signIn } from "@/tests/e2e/helpers/session";
import { catalogTextChecker } from "@/tests/support/catalog-text";
import { claimItem } from "@/tests/support/claim-item";
import { FULL_MARKS } from "@/tests/support/pay-flows";
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
  /** The status the page answers with, when it is not a success: the not-found and forbidden pages are pages too. */
  status?: number;
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
  const tag = `pages ${randomUUID().slice(0, 8)}`;
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
  // A one-day period on a day no other spec uses (they take today's), so it never overlaps theirs; a year per worker,
  // as both workers run this hook at once (and once, in the same millisecond, took the same Date.now() label).
  const year = 2001 + (test.info().workerIndex % 20);
  const day = new Date(Date.UTC(year, 0, 1 + Math.floor(Math.random() * 360))).toISOString().slice(0, 10);
  const periodTag = randomUUID().slice(0, 8);
  const period = await createPayPeriod(viewerOf(maintainer), { label: `pages-${periodTag}`, startsOn: day, endsOn: day });
  // A published release for its public page: another spec's if one is out, else one of this spec's own.
  let release = (await listReleases(null))[0];
  if (!release) {
    await seedApprovedItems(["es"]);
    // Both workers may find none and publish at once; the one refused (its version is no longer the greatest) takes
    // the other's.
    release = await publishedTestRelease().catch(async () => (await listReleases(null))[0]!);
  }
  // The states the pages above do not show: an item sent back with feedback and an approved one (the maintainer's
  // item page offers gold and retraction), a closed period with a statement, and the one-time links' pages.
  const decidedItem = async (language: "ca" | "gl", decision: "request_changes" | "approve", scores: typeof FULL_MARKS, comment: string) => {
    const item = await submitTestItem(annotator, campaign.id, language, tag);
    const lease = await claimItem(viewerOf(reviewer), item);
    await decideReview(viewerOf(reviewer), item.id, { version: lease.item.version, decision, scores, comment });
    return item;
  };
  const sentBack = await decidedItem(
    "ca",
    "request_changes",
    { ...FULL_MARKS, correctness: 2, guidelines: 3 },
    "La resposta no explica per què el cel és blau al migdia.",
  );
  const approved = await decidedItem("gl", "approve", FULL_MARKS, "");
  const closedDay = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
  const closed = await createPayPeriod(viewerOf(maintainer), { label: `pages-closed-${periodTag}`, startsOn: closedDay, endsOn: closedDay });
  await createAdjustment(viewerOf(maintainer), { periodId: closed.id, userId: annotator.id, amount: "12.50", reason: "Revisión de las pautas de gallego." });
  await closePayPeriod(viewerOf(maintainer), closed.id);
  const [statement] = await listStatements(viewerOf(maintainer), { periodId: closed.id });
  const invitation = await inviteUser(
    viewerOf(maintainer),
    { email: `invitee-${Date.now()}-${Math.floor(Math.random() * 1e6)}@test.escriba`, role: "reviewer", languages: ["eu", "gl"] },
    // Only the link's path is visited.
    { appUrl: "http://localhost", locale: "en" },
  );
  // A reset link as requestPasswordReset makes it; that use case only e-mails its token, and this spec reads no mail.
  const reset = newLinkToken();
  await db().accountLink.create({
    data: { purpose: "password_reset", tokenHash: reset.tokenHash, email: reviewer.email, userId: reviewer.id, expiresAt: new Date(Date.now() + 3_600_000) },
  });

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
      anonymous: [
        { path: "/sign-in", screenshot: "sign-in" },
        { path: "/releases", screenshot: "releases" },
        ...everyone,
        { path: "/forgot-password" },
        { path: new URL(invitation.link).pathname },
        { path: `/password-reset/${reset.token}` },
        { path: "/password-reset/not-a-link" },
        { path: "/releases/0.0.0-none", status: 404 },
      ],
      annotator: [
        { path: "/work", screenshot: "my-work" },
        { path: "/work/new" },
        { path: `/work/items/${draft.id}`, screenshot: "editor" },
        { path: `/history/${submitted.id}` },
        { path: "/me/statements" },
        ...signedIn,
        { path: `/work/items/${sentBack.id}` },
        { path: `/history/${sentBack.id}` },
        { path: `/statements/${statement!.id}` },
        { path: "/admin/users", status: 403 },
      ],
      reviewer: [
        { path: "/review", screenshot: "review-queue" },
        { path: `/review/items/${toReview.id}`, screenshot: "review-screen" },
        { path: "/review/quality" },
        { path: "/explorer" },
        { path: "/work" },
        ...signedIn,
        { path: `/history/${sentBack.id}` },
        { path: `/history/${approved.id}` },
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
        { path: `/history/${approved.id}` },
        { path: `/admin/periods/${closed.id}` },
        { path: `/statements/${statement!.id}` },
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

/** What sticks out past the right edge: elements, and text that overflows a box that itself fits (a long token). */
function widest(page: Page, limit: number): Promise<string> {
  return page.evaluate((limit) => {
    const offenders: string[] = [];
    // Inside a box that scrolls or clips (a table's region), sticking out is fine unless positioned out of it.
    const clipped = (element: Element) => {
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
        if (getComputedStyle(box).overflowX !== "visible") return getComputedStyle(element).position === "static";
      }
      return false;
    };
    for (const element of document.body.querySelectorAll("*")) {
      if (offenders.length >= 3) break;
      if (element.getBoundingClientRect().right > limit + 1 && !clipped(element)) offenders.push(`${element.tagName.toLowerCase()}.${element.className}`);
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && offenders.length < 6; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      if (range.getBoundingClientRect().right > limit + 1 && node.parentElement && !clipped(node.parentElement)) offenders.push(`text ${JSON.stringify(node.textContent?.slice(0, 60))} in ${node.parentElement?.tagName.toLowerCase()}`);
    }
    return offenders.join(", ");
  }, limit);
}

/**
 * Sideways scroll and axe-core at the page's current width. axe is injected once per page load (it is half a
 * megabyte of script) and run at each width. Colour contrast, the costliest rule by far, does not depend on the UI
 * language (no stylesheet changes a colour by language), so at 390 px it runs in English only; at 1366 px in every
 * language.
 */
async function audit(page: Page, where: string, options: { contrast: boolean }): Promise<string[]> {
  const problems: string[] = [];
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  if (scrollWidth > innerWidth) problems.push(`${where}: scrolls sideways (${scrollWidth} px in ${innerWidth} px; ${await widest(page, innerWidth)})`);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    (contrast) =>
      (window as unknown as { axe: typeof axe }).axe
        .run(document, { resultTypes: ["violations"], rules: { "color-contrast": { enabled: contrast } } })
        .then((results) => results.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, targets: nodes.slice(0, 3).map((node) => node.target.join(" ")) }))),
    options.contrast,
  );
  for (const violation of violations) {
    if (violation.impact !== "serious" && violation.impact !== "critical") continue;
    problems.push(`${where}: axe ${violation.impact} ${violation.id} (${violation.help}) at ${violation.targets.join(" | ")}`);
  }
  return problems;
}

/**
 * Codes shown as such in every language, which are no language's words: release licences (SPDX ids such as "mit"),
 * ISO 4217 currencies ("Total EUR") and the Ctrl and Alt keys as keyboards print them.
 */
const CODES = new Set<string>([...RELEASE_LICENSES, ...Intl.supportedValuesOf("currency"), "Ctrl", "Alt"]);
const isDataOrCode = async (text: string) => CODES.has(text) || isTypedData(text);

/** One checker per language and worker, shared by its roles: a text judged once (data looked up) is not asked again. */
const checkers = new Map<UiLocale, ReturnType<typeof catalogTextChecker>>();
function checkerFor(locale: UiLocale) {
  if (!checkers.has(locale)) checkers.set(locale, catalogTextChecker(locale, isDataOrCode));
  return checkers.get(locale)!;
}

const ROLES: Role[] = ["anonymous", "annotator", "reviewer", "maintainer"];

// English first (it takes the screenshots), then Basque, whose dates and words were the most often wrong.
const LOCALES: UiLocale[] = ["en", "eu", ...UI_LOCALES.filter((locale) => locale !== "en" && locale !== "eu")];

for (const locale of LOCALES) {
  for (const role of ROLES) {
    test(`${role}, ${locale}: every page fits 390 px and 1366 px, passes axe, and speaks ${locale}`, async ({ browser }) => {
      // Half a minute a page (two widths, axe twice) on a loaded two-core machine.
      test.setTimeout(60_000 + seed.routes[role].length * 30_000);
      const context = await contextFor(browser, role, locale);
      const page = await context.newPage();
      const checker = checkerFor(locale);
      // A client component whose page did not give it its message group (ClientMessages) logs next-intl's error and
      // shows the key instead of words.
      const catalogErrors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && /MISSING_MESSAGE|INSUFFICIENT_PATH/.test(message.text())) catalogErrors.push(message.text());
      });
      for (const route of seed.routes[role]) {
        catalogErrors.length = 0;
        await page.setViewportSize(WIDE);
        const response = await page.goto(route.path);
        const where = `${role}, ${locale}, ${route.path}`;
        expect(response?.status(), where).toBe(route.status ?? 200);
        await settle(page);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        const problems: string[] = [];
        for (const text of await visibleTexts(page)) {
          if (!(await checker.known(text))) problems.push(`${where}: text not in the ${locale} catalog: ${JSON.stringify(text)}`);
        }
        const shoot = locale === "en" && route.screenshot && process.env.ESCRIBA_SCREENSHOTS === "1";
        problems.push(...(await audit(page, `${where} at 1366 px`, { contrast: true })));
        if (shoot) await screenshot(page, `${route.screenshot}-1366`);
        await page.setViewportSize(PHONE);
        problems.push(...(await audit(page, `${where} at 390 px`, { contrast: locale === "en" })));
        if (shoot) await screenshot(page, `${route.screenshot}-390`);
        problems.push(...catalogErrors.map((error) => `${where}: ${error.slice(0, 200)}`));
        // Soft: every page is audited and named, even when an earlier one failed (or the test runs out of time).
        expect.soft(problems, problems.join("\n")).toEqual([]);
      }
      await context.close();
    });
  }
}

async function screenshot(page: Page, name: string) {
  await mkdir("docs/screenshots", { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: false, animations: "disabled" });
}
