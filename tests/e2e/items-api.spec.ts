// The items API as a client sees it over HTTP: versions, ownership, qualification, validation, stored markup.
import { expect, test } from "@playwright/test";
import { createApiToken } from "@/lib/auth/api-tokens";
import { db, disconnectDb } from "@/lib/db";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";

test.afterAll(disconnectDb);

async function bearer(role: "annotator" | "reviewer", languages: ("es" | "gl" | "ca" | "eu")[]) {
  const user = await createTestUser(role, languages);
  return { user, headers: { authorization: `Bearer ${(await createApiToken(null, user.id, { name: "e2e" })).token}` } };
}

test("a stale version gets 409 with the current item, and nothing is overwritten", async ({ request }) => {
  const campaign = await createTestCampaign({ languages: ["gl"] });
  const { headers } = await bearer("annotator", ["gl"]);
  const draft = await (await request.post("/api/v1/items", { headers, data: { campaignId: campaign.id, language: "gl", category: "open_qa" } })).json();
  const first = await request.patch(`/api/v1/items/${draft.id}`, { headers, data: { version: draft.version, instruction: "Primeira versión" } });
  expect(first.status()).toBe(200);
  const stale = await request.patch(`/api/v1/items/${draft.id}`, { headers, data: { version: draft.version, instruction: "Versión vella" } });
  expect(stale.status()).toBe(409);
  const body = await stale.json();
  expect(body.error.code).toBe("conflict");
  expect(body.error.details.current.instruction).toBe("Primeira versión");
  expect((await (await request.get(`/api/v1/items/${draft.id}`, { headers })).json()).instruction).toBe("Primeira versión");
});

test("another annotator's item is 404 and an unqualified language is 403", async ({ request }) => {
  const campaign = await createTestCampaign({ languages: ["gl", "eu"] });
  const owner = await bearer("annotator", ["gl"]);
  const other = await bearer("annotator", ["gl"]);
  const draft = await (await request.post("/api/v1/items", { headers: owner.headers, data: { campaignId: campaign.id, language: "gl", category: "open_qa" } })).json();
  expect((await request.get(`/api/v1/items/${draft.id}`, { headers: other.headers })).status()).toBe(404);
  expect((await request.patch(`/api/v1/items/${draft.id}`, { headers: other.headers, data: { version: 1, instruction: "x" } })).status()).toBe(404);
  const unqualified = await request.post("/api/v1/items", { headers: owner.headers, data: { campaignId: campaign.id, language: "eu", category: "open_qa" } });
  expect(unqualified.status()).toBe(403);
  expect((await unqualified.json()).error.fields[0].field).toBe("language");
});

test("closed_qa without context is refused with 422 naming context; markup is stored as text", async ({ request }) => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const { headers } = await bearer("annotator", ["es"]);
  const markup = `<script>alert("x")</script> ¿Cuál es la capital de Francia según el texto?`;
  const draft = await (
    await request.post("/api/v1/items", {
      headers,
      data: {
        campaignId: campaign.id,
        language: "es",
        category: "closed_qa",
        instruction: markup,
        response: "Según el texto, la capital de Francia es París, a orillas del Sena.",
      },
    })
  ).json();
  expect(draft.instruction).toBe(markup);
  const submitted = await request.post(`/api/v1/items/${draft.id}/submit`, { headers, data: { version: draft.version } });
  expect(submitted.status()).toBe(422);
  const body = await submitted.json();
  expect(body.error.fields).toContainEqual({ field: "context", message: "context_required" });
  expect((await db().item.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("draft");
  const invalid = await request.patch(`/api/v1/items/${draft.id}`, { headers, data: { version: "one", response: 5 } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.fields.map((problem: { field: string }) => problem.field)).toEqual(
    expect.arrayContaining(["version", "response"]),
  );
});
