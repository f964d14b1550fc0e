// Cross-site request forgery: a page on another origin of the same site (another port of 127.0.0.1, as a sibling
// subdomain would be) makes a signed-in maintainer's browser post to the API with its cookie. Nothing may change;
// the app's own pages keep working.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { db, disconnectDb } from "@/lib/db";
import { createTestUser } from "@/tests/support/seed-users";
import { serveOnOtherOrigin } from "@/tests/e2e/helpers/other-origin";
import { signIn } from "@/tests/e2e/helpers/session";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);

const uniqueEmail = (label: string) => `${label}-${randomBytes(5).toString("hex")}@test.escriba`;

async function listedEmails(page: Page): Promise<string[]> {
  const response = await page.request.get("/api/v1/users");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { users: { email: string }[] }).users.map((user) => user.email);
}

/**
 * The attacker's page: a `no-cors` fetch with a JSON text as `text/plain`, then an HTML form with
 * enctype="text/plain" whose one field spells out a JSON body (the `=` lands inside the name).
 */
function attackerPage(usersUrl: string, fetchEmail: string, formEmail: string): string {
  const newMaintainer = (email: string) => ({ email, role: "maintainer", languages: ["es"], password: "attacker-password-1" });
  const formFieldName = JSON.stringify({ ...newMaintainer(formEmail), name: "" }).slice(0, -2);
  return `<!doctype html><html><body><form id="forged" method="post" enctype="text/plain" action="${usersUrl}"></form>
<script>
  const field = document.createElement("input");
  field.type = "hidden";
  field.name = ${JSON.stringify(formFieldName)};
  field.value = 'Mallory"}';
  document.getElementById("forged").append(field);
  fetch(${JSON.stringify(usersUrl)}, {
    method: "POST",
    mode: "no-cors",
    credentials: "include",
    headers: { "content-type": "text/plain" },
    body: ${JSON.stringify(JSON.stringify({ ...newMaintainer(fetchEmail), name: "Mallory" }))},
  }).finally(() => document.getElementById("forged").submit());
</script></body></html>`;
}

test("a page on another origin cannot create users with the maintainer's cookie, by form or by no-cors fetch", async ({ page, baseURL }) => {
  const maintainer = await createTestUser("maintainer", ["es"]);
  await signIn(page, maintainer, /\/admin\/users$/);
  const fetchEmail = uniqueEmail("csrf-fetch");
  const formEmail = uniqueEmail("csrf-form");
  const usersUrl = new URL("/api/v1/users", baseURL).href;
  const attacker = await serveOnOtherOrigin(attackerPage(usersUrl, fetchEmail, formEmail));
  try {
    const forgedPost = (type: "fetch" | "document") =>
      page.waitForResponse((response) => response.url() === usersUrl && response.request().method() === "POST" && response.request().resourceType() === type);
    const [fetched, submitted] = await Promise.all([forgedPost("fetch"), forgedPost("document"), page.goto(attacker.url)]);
    // Both reached the API with the maintainer's cookie (same site, so SameSite=Lax lets it through: without it
    // the answer would be 401) and were refused for where they came from.
    expect(fetched.status()).toBe(403);
    expect(submitted.status()).toBe(403);
    // The form's answer is the page the browser now shows (the fetch's page is gone, and its answer with it).
    expect((await submitted.json()).error.code).toBe("cross_site_request");
  } finally {
    await attacker.close();
  }

  const emails = await listedEmails(page);
  expect(emails).toContain(maintainer.email);
  expect(emails).not.toContain(fetchEmail);
  expect(emails).not.toContain(formEmail);
});

test("the app's own user form still creates an account with the same cookie", async ({ page }) => {
  const maintainer = await createTestUser("maintainer", ["es"]);
  await signIn(page, maintainer, /\/admin\/users$/);
  const email = uniqueEmail("created-in-ui");
  const form = page.getByRole("form", { name: "Create account" });
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Name").fill("Created In The UI");
  await form.getByLabel("Initial password").fill("a-long-enough-password");
  await form.getByLabel("Galician").check();
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toHaveText(`Account created for ${email}.`);
  expect(await listedEmails(page)).toContain(email);
});

test("a write from the app's own page that is not declared JSON is refused with 415 naming the header", async ({ page }) => {
  const maintainer = await createTestUser("maintainer", ["es"]);
  await signIn(page, maintainer, /\/admin\/users$/);
  const email = uniqueEmail("text-plain");
  const answer = await page.evaluate(async (body) => {
    const response = await fetch("/api/v1/users", { method: "POST", headers: { "content-type": "text/plain" }, body });
    return { status: response.status, payload: await response.json() };
  }, JSON.stringify({ email, name: "Plain Text", role: "annotator", languages: ["es"], password: "a-long-enough-password" }));
  expect(answer.status).toBe(415);
  expect(answer.payload.error.code).toBe("unsupported_media_type");
  expect(answer.payload.error.fields).toEqual([{ field: "Content-Type", message: "must be application/json" }]);
  expect(await listedEmails(page)).not.toContain(email);
});

test("Next.js's own Origin check refuses a server action posted from another origin", async ({ page, baseURL }) => {
  const annotator = await createTestUser("annotator", ["es"]);
  await signIn(page, annotator, /\/work$/);
  const manifest = JSON.parse(await readFile(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string }>;
  };
  const actionId = Object.entries(manifest.node).find(([, action]) => action.filename === "app/actions/choose-ui-locale.ts")?.[0];
  expect(actionId).toBeTruthy();
  // What the language menu sends, once as if from a page on another port of the same host, once from our own.
  const chooseBasqueFrom = (origin: string) =>
    page.request.post("/settings", {
      headers: { origin, "next-action": actionId!, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([{ uiLocale: "eu" }]),
    });
  const storedLocale = async () => (await db().user.findUniqueOrThrow({ where: { id: annotator.id } })).uiLocale;

  const crossSite = await chooseBasqueFrom("http://127.0.0.1:1");
  expect(crossSite.ok()).toBe(false);
  expect(crossSite.headers()["set-cookie"] ?? "").not.toContain("eu");
  expect(await storedLocale()).toBeNull();

  const sameOrigin = await chooseBasqueFrom(new URL(baseURL!).origin);
  expect(sameOrigin.ok()).toBe(true);
  expect(await storedLocale()).toBe("eu");
});
