// What the server lets through: 401 without credentials, 403 for the wrong role, tokens, deactivation.
import { expect, test } from "@playwright/test";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { disconnectDb } from "@/lib/db";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { sameOriginJsonHeaders, signIn, signInError, signInThroughForm } from "@/tests/e2e/helpers/session";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);

test("without credentials the API answers 401 in the one error shape", async ({ request }) => {
  const anonymous = await request.get("/api/v1/me");
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["www-authenticate"]).toContain("Bearer");
  expect((await anonymous.json()).error.code).toBe("unauthenticated");
  const unknownToken = await request.get("/api/v1/me", { headers: { authorization: "Bearer esc_not-a-real-token" } });
  expect(unknownToken.status()).toBe(401);
});

test("an annotator gets 403 from a maintainer-only page and API route", async ({ page }) => {
  const annotator = await createTestUser("annotator");
  await signIn(page, annotator, /\/work$/);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
  const api = await page.request.get("/api/v1/users");
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("forbidden");
  const asMe = await page.request.get("/api/v1/me");
  expect((await asMe.json()).email).toBe(annotator.email);
});

test("a token works as Bearer until it is revoked, through the settings page too", async ({ page, request }) => {
  const user = await createTestUser("reviewer", ["ca"]);
  const created = await createApiToken(viewerOf(user), user.id, { name: "script" });
  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${created.token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: user.email, role: "reviewer", authenticatedBy: "token" });
  await revokeApiToken(viewerOf(user), created.id);
  expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${created.token}` } })).status()).toBe(401);

  await signIn(page, user, /\/review$/);
  await page.goto("/settings");
  await page.getByLabel("Token name").fill("from the browser");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token").textContent())!;
  expect(secret).toMatch(/^esc_/);
  const viaUi = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } });
  expect(viaUi.status()).toBe(200);
  await page.getByRole("listitem").filter({ hasText: "from the browser" }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "from the browser" })).toContainText("Revoked");
  expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(401);
});

test("a token cannot mint tokens: 403 naming the need for a session, and nothing outlives the revoked token", async ({ page, request }) => {
  const user = await createTestUser("annotator");
  await signIn(page, user, /\/work$/);
  const fromSession = await page.request.post("/api/v1/tokens", {
    headers: sameOriginJsonHeaders(page),
    data: { name: "from the browser session" },
  });
  expect(fromSession.status()).toBe(201);
  const parent = (await fromSession.json()).token as string;

  const bearer = { authorization: `Bearer ${parent}` };
  const minted = await request.post("/api/v1/tokens", { headers: bearer, data: { name: "child" } });
  expect(minted.status()).toBe(403);
  const error = (await minted.json()).error;
  expect(error.code).toBe("forbidden");
  expect(error.message).toBe("An API token cannot create API tokens. Sign in to create one.");
  const listed = await (await request.get("/api/v1/tokens", { headers: bearer })).json();
  expect(listed.tokens.map((token: { name: string }) => token.name)).toEqual(["from the browser session"]);
});

test("a deactivated user loses their session and tokens at once and cannot sign in again", async ({ page, browser, request }) => {
  const annotator = await createTestUser("annotator");
  const maintainer = await createTestUser("maintainer");
  const annotatorToken = (await createApiToken(null, annotator.id, { name: "theirs" })).token;
  const maintainerToken = (await createApiToken(null, maintainer.id, { name: "admin" })).token;
  await signIn(page, annotator, /\/work$/);

  const deactivated = await request.patch(`/api/v1/users/${annotator.id}`, {
    headers: { authorization: `Bearer ${maintainerToken}` },
    data: { active: false },
  });
  expect(deactivated.status()).toBe(200);
  expect((await deactivated.json()).active).toBe(false);

  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?ended=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Your session has ended. Sign in again." })).toBeVisible();
  expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${annotatorToken}` } })).status()).toBe(401);
  await signInThroughForm(page, annotator.email, annotator.password);
  await expect(signInError(page)).toHaveText("E-mail or password is wrong.");

  // The same through the users page.
  const other = await createTestUser("annotator");
  const adminContext = await browser.newContext({ locale: "en-US" });
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, maintainer, /\/admin\/users$/);
  const row = adminPage.getByTestId(`user-row-${other.email}`);
  await row.getByRole("button", { name: "Deactivate" }).click();
  await row.getByRole("group").getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");
  await expect(row.getByRole("button", { name: "Reactivate" })).toBeVisible();
  await adminContext.close();
});

test("malformed JSON is 400 and invalid fields are 422, each named, with nothing written", async ({ request }) => {
  const maintainer = await createTestUser("maintainer");
  const headers = { authorization: `Bearer ${(await createApiToken(null, maintainer.id, { name: "admin" })).token}` };
  const malformed = await request.post("/api/v1/users", { headers: { ...headers, "content-type": "application/json" }, data: Buffer.from('{"email": ') });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("invalid_json");

  const invalid = await request.post("/api/v1/users", {
    headers,
    data: { email: "not-an-email", name: "", role: "boss", languages: ["xx"], password: "short" },
  });
  expect(invalid.status()).toBe(422);
  const body = await invalid.json();
  expect(body.error.code).toBe("validation_failed");
  const fields = body.error.fields.map((problem: { field: string }) => problem.field);
  expect(fields).toEqual(expect.arrayContaining(["email", "name", "role", "languages.0", "password"]));
  const list = await (await request.get("/api/v1/users", { headers })).json();
  expect(list.users.some((user: { email: string }) => user.email === "not-an-email")).toBe(false);

  const duplicate = await request.post("/api/v1/users", {
    headers,
    data: { email: maintainer.email, name: "Twin", role: "annotator", languages: [], password: "long enough password" },
  });
  expect(duplicate.status()).toBe(409);
  expect((await duplicate.json()).error.fields[0].field).toBe("email");
  const badId = await request.patch("/api/v1/users/not-a-uuid", { headers, data: { active: false } });
  expect(badId.status()).toBe(422);
  expect((await badId.json()).error.fields[0].field).toBe("params.userId");
});

test("the OpenAPI document is public, valid 3.1, and describes /api/v1/me", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  expect(document.paths["/api/v1/me"].get.operationId).toBe("getMe");
  const { default: SwaggerParser } = await import("@apidevtools/swagger-parser");
  await SwaggerParser.validate(structuredClone(document));
});
