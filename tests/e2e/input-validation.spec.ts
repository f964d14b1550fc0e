// Input the database cannot take as sent is refused by name, over HTTP and in the browser: text with NUL or a lone
// surrogate, bodies that are not UTF-8, integers past 32 bits, and paths that do not percent-decode.
import { expect, test } from "@playwright/test";
import { createApiToken } from "@/lib/auth/api-tokens";
import { db, disconnectDb } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

test.afterAll(disconnectDb);

async function maintainerWithToken() {
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const { token } = await createApiToken(null, maintainer.id, { name: "input" });
  return { maintainer, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } };
}

const fieldsOf = async (response: { json(): Promise<unknown> }) =>
  ((await response.json()) as { error: { fields: { field: string }[] } }).error.fields.map((problem) => problem.field);

test("NUL and lone surrogates are refused naming the field, and nothing is stored", async ({ request }) => {
  const { maintainer, headers } = await maintainerWithToken();
  const campaign = await createTestCampaign({ languages: ["gl"] });
  const token = await request.post("/api/v1/tokens", { headers, data: JSON.stringify({ name: "script\u0000" }) });
  expect(token.status()).toBe(422);
  expect(await fieldsOf(token)).toEqual(["name"]);
  const guideline = await request.post(`/api/v1/campaigns/${campaign.id}/guidelines`, {
    headers,
    data: JSON.stringify({ language: "gl", body: "Pautas \ud800 novas" }),
  });
  expect(guideline.status()).toBe(422);
  expect(await fieldsOf(guideline)).toEqual(["body"]);
  expect(await db().apiToken.count({ where: { userId: maintainer.id } })).toBe(1);
  expect(await db().guideline.count({ where: { campaignId: campaign.id } })).toBe(1);
});

test("a body that is not UTF-8 is a 400, not text silently altered to U+FFFD", async ({ request }) => {
  const { maintainer, headers } = await maintainerWithToken();
  const latin1 = Buffer.concat([Buffer.from('{"name":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
  const response = await request.post("/api/v1/tokens", { headers, data: latin1 });
  expect(response.status()).toBe(400);
  expect((await response.json()).error.code).toBe("invalid_json");
  expect(await db().apiToken.count({ where: { userId: maintainer.id } })).toBe(1);
});

test("integers past 32 bits are 422 naming the field, in the query and in the body", async ({ request }) => {
  const { maintainer, headers } = await maintainerWithToken();
  const campaign = await createTestCampaign({ languages: ["gl"] });
  const guideline = await request.get(`/api/v1/campaigns/${campaign.id}/guidelines/gl?version=2147483648`, { headers });
  expect(guideline.status()).toBe(422);
  expect(await fieldsOf(guideline)).toEqual(["query.version"]);
  const draft = await createDraft(viewerOf(maintainer), { campaignId: campaign.id, language: "gl", category: "open_qa" });
  const save = await request.patch(`/api/v1/items/${draft.id}`, { headers, data: JSON.stringify({ version: 2147483648, instruction: "Ola" }) });
  expect(save.status()).toBe(422);
  expect(await fieldsOf(save)).toEqual(["version"]);
});

test("a path that does not percent-decode is 400: the error shape for the API, a page in the browser's language", async ({ request, browser }) => {
  for (const path of ["/api/v1/items/%ff", "/api/v1/items/%c0%ae", "/api/v1/releases/%"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect((await response.json()).error).toEqual({
      code: "invalid_path",
      message: expect.any(String),
      fields: [{ field: "path", message: expect.any(String) }],
    });
  }
  const context = await browser.newContext({ locale: "eu-ES" });
  const page = await context.newPage();
  const response = await page.goto("/work/items/%c0%ae");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "Helbide hau ez da baliozkoa" })).toBeVisible();
  await page.getByRole("link", { name: "Joan nire hasierako orrira" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});
