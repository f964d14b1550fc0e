// The review API as a client sees it over HTTP: own items, leases, versions, languages, score validation.
import { expect, test } from "@playwright/test";
import { createApiToken } from "@/lib/auth/api-tokens";
import { db, disconnectDb } from "@/lib/db";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser } from "@/tests/support/seed-users";

test.afterAll(disconnectDb);

const SCORES = { instruction: 4, correctness: 4, fluency: 4, safety: 5, guidelines: 4 };
const tokenHeaders = async (userId: string) => ({
  authorization: `Bearer ${(await createApiToken(null, userId, { name: "e2e" })).token}`,
});

test("deciding on one's own item is 403; without a lease or with a stale version 409; bad scores 422", async ({ request }) => {
  const campaign = await createTestCampaign({ languages: ["ca"] });
  const author = await createTestUser("reviewer", ["ca"]);
  const own = await submitTestItem(author, campaign.id, "ca", `propi ${Date.now()}`);
  const authorHeaders = await tokenHeaders(author.id);
  const ownDecision = await request.post(`/api/v1/items/${own.id}/reviews`, {
    headers: authorHeaders,
    data: { version: own.version, decision: "approve", scores: SCORES },
  });
  expect(ownDecision.status()).toBe(403);

  const reviewer = await createTestUser("reviewer", ["ca"]);
  const headers = await tokenHeaders(reviewer.id);
  const withoutLease = await request.post(`/api/v1/items/${own.id}/reviews`, {
    headers,
    data: { version: own.version, decision: "approve", scores: SCORES },
  });
  expect(withoutLease.status()).toBe(409);

  const claim = await (await request.post("/api/v1/reviews/claim", { headers, data: { campaignId: campaign.id } })).json();
  expect(claim.lease.item.id).toBe(own.id);
  const stale = await request.post(`/api/v1/items/${own.id}/reviews`, {
    headers,
    data: { version: own.version - 1, decision: "approve", scores: SCORES },
  });
  expect(stale.status()).toBe(409);
  const badScores = await request.post(`/api/v1/items/${own.id}/reviews`, {
    headers,
    data: { version: claim.lease.item.version, decision: "reject", scores: { ...SCORES, fluency: 9 } },
  });
  expect(badScores.status()).toBe(422);
  expect((await badScores.json()).error.fields.map((problem: { field: string }) => problem.field)).toEqual(
    expect.arrayContaining(["scores.fluency", "comment"]),
  );
  expect(await db().review.count({ where: { itemId: own.id } })).toBe(0);

  const approved = await request.post(`/api/v1/items/${own.id}/reviews`, {
    headers,
    data: { version: claim.lease.item.version, decision: "approve", scores: SCORES },
  });
  expect(approved.status()).toBe(201);
  expect((await approved.json()).item.status).toBe("approved");
});

test("a language the reviewer is not qualified for is 403, and annotators cannot claim at all", async ({ request }) => {
  const reviewer = await createTestUser("reviewer", ["es"]);
  const claim = await request.post("/api/v1/reviews/claim", { headers: await tokenHeaders(reviewer.id), data: { language: "eu" } });
  expect(claim.status()).toBe(403);
  expect((await claim.json()).error.fields[0].field).toBe("language");
  const annotator = await createTestUser("annotator", ["es"]);
  expect((await request.post("/api/v1/reviews/claim", { headers: await tokenHeaders(annotator.id), data: {} })).status()).toBe(403);
});

test("a leased item goes back to the queue through return-to-queue, and through the deprecated /release path too", async ({ request }) => {
  const campaign = await createTestCampaign({ languages: ["gl"] });
  const author = await createTestUser("annotator", ["gl"]);
  const item = await submitTestItem(author, campaign.id, "gl", `devolto ${Date.now()}`);
  const headers = await tokenHeaders((await createTestUser("reviewer", ["gl"])).id);
  for (const path of ["return-to-queue", "release"]) {
    const claim = await (await request.post("/api/v1/reviews/claim", { headers, data: { campaignId: campaign.id } })).json();
    expect(claim.lease.item.id).toBe(item.id);
    const returned = await request.post(`/api/v1/items/${item.id}/${path}`, { headers });
    expect(returned.status(), path).toBe(200);
    expect(await returned.json()).toEqual({ returned: true });
    expect(await db().reviewLease.count({ where: { itemId: item.id } }), path).toBe(0);
  }
  const notHeld = await request.post(`/api/v1/items/${item.id}/return-to-queue`, { headers });
  expect(notHeld.status()).toBe(409);
});
