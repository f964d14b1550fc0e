// The browser-side policy: every page works under a nonce-based Content-Security-Policy with nothing refused, an
// injected inline script or style is refused, no other origin can frame the app, and every response carries the
// security headers (release downloads keep their long-lived caching).
import { expect, test, type Page } from "@playwright/test";
import { disconnectDb } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import { createRelease } from "@/lib/releases/create-release";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { nextReleaseVersion, publishedTestRelease, seedApprovedItems, uniqueTag, waitUntilBuilt } from "@/tests/e2e/helpers/releases";
import { serveOnOtherOrigin } from "@/tests/e2e/helpers/other-origin";
import { signIn } from "@/tests/e2e/helpers/session";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);

/** Collects every CSP violation the pages report, as events and as console messages, across navigations. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding("escribaReportViolation", (_source, text: string) => void violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { escribaReportViolation: (text: string) => void }).escribaReportViolation;
      void report(`${location.pathname}: ${event.effectiveDirective} refused ${event.blockedURI || "inline"}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return violations;
}

const MAIN_PAGES: { path: string; heading: string | RegExp }[] = [
  { path: "/work", heading: "My work" },
  { path: "/work/new", heading: "New item" },
  { path: "/review", heading: "Review" },
  { path: "/admin/campaigns", heading: "Campaigns" },
  { path: "/admin/releases", heading: "Releases" },
  { path: "/admin/adjudications", heading: "Disputed items" },
  { path: "/releases", heading: "Dataset releases" },
  { path: "/settings", heading: "Settings" },
];

test("the main pages load and run their scripts under the CSP without a single violation", async ({ page }) => {
  const violations = await recordViolations(page);
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  // Signing in goes through next-auth from the page's own script; the user list is fetched by the client.
  await signIn(page, maintainer, /\/admin\/users$/);
  await expect(page.getByRole("cell", { name: maintainer.email })).toBeVisible();
  // The editor (autosave, live hints, Markdown preview) and an item's history with its revisions.
  const campaign = await createTestCampaign({ languages: ["gl"] });
  const draft = await createDraft(viewerOf(maintainer), { campaignId: campaign.id, language: "gl", category: "open_qa" });
  const submitted = await submitTestItem(maintainer, campaign.id, "gl", uniqueTag());
  const pages = [
    ...MAIN_PAGES,
    { path: `/work/items/${draft.id}`, heading: /Galician/ },
    { path: `/history/${submitted.id}`, heading: "Item history and feedback" },
  ];
  for (const { path, heading } of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  // Client-side navigation and the language menu's server action run under the same policy.
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("cell", { name: maintainer.email })).toBeVisible();
  expect(violations).toEqual([]);
});

test("injected inline scripts, event handlers and style attributes are refused", async ({ page }) => {
  const violations = await recordViolations(page);
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  // What an HTML injection would add to the page: markup with an inline handler, an inline script and a style.
  const effects = await page.evaluate(async () => {
    const injected = document.createElement("div");
    injected.innerHTML =
      '<img src="/no-such-image.png" onerror="window.escribaInjected = true"><p style="color: rgb(255, 0, 0)">injected</p>';
    document.body.append(injected);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return {
      ran: (window as unknown as { escribaInjected?: boolean }).escribaInjected === true,
      color: getComputedStyle(injected.querySelector("p")!).color,
    };
  });
  expect(effects.ran).toBe(false);
  expect(effects.color).not.toBe("rgb(255, 0, 0)");
  await expect.poll(() => violations.join("\n")).toMatch(/script-src/);
  expect(violations.join("\n")).toMatch(/style-src/);
});

test("a page on another origin cannot frame the admin pages", async ({ page, baseURL }) => {
  const maintainer = await createTestUser("maintainer");
  await signIn(page, maintainer, /\/admin\/users$/);
  const framed = new URL("/admin/users", baseURL).href;
  const attacker = await serveOnOtherOrigin(
    `<!doctype html><title>waiting</title><iframe src="${framed}" onload="document.title = 'frame loaded'"></iframe>`,
  );
  try {
    const frameResponse = page.waitForResponse(framed);
    await page.goto(attacker.url);
    // The server did answer the frame's request with the signed-in page, and the browser refused to show it.
    expect((await frameResponse).status()).toBe(200);
    await expect(page).toHaveTitle("frame loaded");
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "Users" })).toHaveCount(0);
    expect(page.frames().some((frame) => frame.url() === framed)).toBe(false);
  } finally {
    await attacker.close();
  }
});

test("pages, API responses and static files carry the security headers; a page's nonce is fresh each time", async ({ page }) => {
  const maintainer = await createTestUser("maintainer");
  await signIn(page, maintainer, /\/admin\/users$/);
  const first = (await page.goto("/admin/users"))!.headers();
  const second = (await page.goto("/admin/users"))!.headers();
  const csp = first["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
  expect(nonceOf(second["content-security-policy"])).not.toBe(nonceOf(csp));
  // The nonce in the header is the one on the page's scripts.
  const scriptNonces = await page.locator("script[src]").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonceOf(second["content-security-policy"])]));

  const scriptUrl = await page.locator("script[src]").first().getAttribute("src");
  const api = await page.request.get("/api/v1/me");
  const asset = await page.request.get(scriptUrl!);
  for (const headers of [first, api.headers(), asset.headers()]) {
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["permissions-policy"]).toContain("microphone=()");
    expect(headers["permissions-policy"]).toContain("geolocation=()");
    // Served over plain HTTP here, so no HSTS.
    expect(headers["strict-transport-security"]).toBeUndefined();
  }
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["cache-control"]).toBe("no-store");
  expect(asset.headers()["cache-control"]).toContain("immutable");
});

test("published release downloads keep their long-lived caching beside the security headers; unpublished ones are private", async ({ page, request }) => {
  await seedApprovedItems(["es"]);
  const release = await publishedTestRelease();
  const file = `/api/v1/releases/${release.version}/files/README.md`;
  const anonymous = await request.get(file);
  const maintainer = await createTestUser("maintainer");
  await signIn(page, maintainer, /\/admin\/users$/);
  const signedIn = await page.request.get(file);
  for (const download of [anonymous, signedIn]) {
    expect(download.status()).toBe(200);
    expect(download.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(download.headers()["etag"]).toMatch(/^"[0-9a-f]{64}"$/);
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect(download.headers()["content-security-policy"]).toContain("default-src 'none'");
  }

  // A built release is not public yet: its files go to its maintainers only, and no shared cache may keep them.
  const unpublished = nextReleaseVersion();
  await createRelease(viewerOf(maintainer), { version: unpublished, license: "cc-by-4.0", notes: "" });
  await waitUntilBuilt(maintainer, unpublished);
  const beforePublishing = await page.request.get(`/api/v1/releases/${unpublished}/files/README.md`);
  expect(beforePublishing.status()).toBe(200);
  expect(beforePublishing.headers()["cache-control"]).toBe("private, no-store");
  expect((await request.get(`/api/v1/releases/${unpublished}/files/README.md`)).status()).toBe(404);
});
