// The releases API as a client sees it over HTTP: who may create, validation, conflicts, what stays hidden until
// publication, downloads limited to the files a release lists, and the OpenAPI document.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createApiToken } from "@/lib/auth/api-tokens";
import { db, disconnectDb } from "@/lib/db";
import type { ReleaseView } from "@/lib/releases/schemas";
import { createTestUser } from "@/tests/support/seed-users";
import { nextReleaseVersion, seedApprovedItems, sha256Hex } from "@/tests/e2e/helpers/releases";
import type { Role } from "@/lib/vocabulary";

test.afterAll(disconnectDb);

async function bearer(role: Role) {
  const user = await createTestUser(role, ["es", "ca", "eu", "gl"]);
  return { authorization: `Bearer ${(await createApiToken(null, user.id, { name: "e2e" })).token}` };
}

/** Creates a release over HTTP and polls it (as the admin page does) until the app's worker has built it. */
async function builtRelease(request: APIRequestContext, headers: Record<string, string>): Promise<ReleaseView> {
  const version = nextReleaseVersion();
  const created = await request.post("/api/v1/releases", { headers, data: { version, license: "cc-by-4.0", notes: "API test" } });
  expect(created.status()).toBe(202);
  expect((await created.json()).status).toBe("queued");
  await expect
    .poll(async () => (await (await request.get(`/api/v1/releases/${version}`, { headers })).json()).status, { timeout: 45_000, intervals: [250] })
    .toBe("built");
  return (await request.get(`/api/v1/releases/${version}`, { headers })).json();
}

test("only maintainers create releases; a malformed version is 422 naming it, a taken one 409", async ({ request }) => {
  await seedApprovedItems(["ca"]);
  const version = nextReleaseVersion();
  const anonymous = await request.post("/api/v1/releases", { data: { version, license: "cc-by-4.0" } });
  expect(anonymous.status()).toBe(401);
  const annotator = await request.post("/api/v1/releases", { headers: await bearer("annotator"), data: { version, license: "cc-by-4.0" } });
  expect(annotator.status()).toBe(403);
  expect((await annotator.json()).error.code).toBe("forbidden");
  const reviewer = await request.post("/api/v1/releases", { headers: await bearer("reviewer"), data: { version, license: "cc-by-4.0" } });
  expect(reviewer.status()).toBe(403);

  const headers = await bearer("maintainer");
  for (const badVersion of ["1.0", "v1.0.0", "1.0.0+build.5", "01.0.0", ""]) {
    const invalid = await request.post("/api/v1/releases", { headers, data: { version: badVersion, license: "cc-by-4.0" } });
    expect(invalid.status(), badVersion).toBe(422);
    const body = await invalid.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields.map((problem: { field: string }) => problem.field)).toEqual(["version"]);
  }
  const badLicense = await request.post("/api/v1/releases", { headers, data: { version, license: "all-rights-reserved" } });
  expect(badLicense.status()).toBe(422);
  expect((await badLicense.json()).error.fields.map((problem: { field: string }) => problem.field)).toEqual(["license"]);
  expect(await db().release.count({ where: { version } })).toBe(0);

  const created = await request.post("/api/v1/releases", { headers, data: { version, license: "cc-by-4.0" } });
  expect(created.status()).toBe(202);
  const duplicate = await request.post("/api/v1/releases", { headers, data: { version, license: "cc0-1.0" } });
  expect(duplicate.status()).toBe(409);
  const body = await duplicate.json();
  expect(body.error.code).toBe("conflict");
  expect(body.error.fields[0].field).toBe("version");
  expect(await db().release.count({ where: { version } })).toBe(1);
});

test("an unknown version is 404, a malformed one 422, and only files the release lists can be downloaded", async ({ request }) => {
  await seedApprovedItems(["eu"]);
  const headers = await bearer("maintainer");
  const unknown = await request.get("/api/v1/releases/999999999.0.0", { headers });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe("not_found");
  expect((await request.post("/api/v1/releases/999999999.0.0/publish", { headers })).status()).toBe(404);
  expect((await request.post("/api/v1/releases/999999999.0.0/retry", { headers })).status()).toBe(404);
  const malformed = await request.get("/api/v1/releases/latest", { headers });
  expect(malformed.status()).toBe(422);
  expect((await malformed.json()).error.fields[0].field).toBe("params.version");

  const release = await builtRelease(request, headers);
  const files = `/api/v1/releases/${release.version}/files`;
  // The release's own file downloads (so the refusals below are about the path, not about access).
  const readme = await request.get(`${files}/README.md`, { headers });
  expect(readme.status()).toBe(200);
  expect(sha256Hex(await readme.body())).toBe(release.files.find((file) => file.path === "README.md")!.sha256);
  // Encoded slashes reach the handler as one segment holding "../"; a bare "../" is resolved by the client first.
  for (const path of ["..%2F..%2Fpackage.json", "data/..%2F..%2F..%2F..%2Fpackage.json", "data/xx/train.jsonl", "data/eu", "%2Fetc%2Fpasswd", "readme.md"]) {
    const refused = await request.get(`${files}/${path}`, { headers });
    expect(refused.status(), path).toBe(404);
    expect((await refused.json()).error.code, path).toBe("not_found");
  }
  // A built release cannot be built again.
  const retried = await request.post(`/api/v1/releases/${release.version}/retry`, { headers });
  expect(retried.status()).toBe(409);
});

test("an unpublished release and its files are invisible without a maintainer; publishing makes them public", async ({ request }) => {
  await seedApprovedItems(["es"]);
  const headers = await bearer("maintainer");
  const release = await builtRelease(request, headers);
  const page = `/api/v1/releases/${release.version}`;
  const file = `${page}/files/data/es/train.jsonl`;

  expect((await request.get(page)).status()).toBe(404);
  expect((await request.get(file)).status()).toBe(404);
  expect((await request.get(page, { headers: await bearer("annotator") })).status()).toBe(404);
  const publicList = await (await request.get("/api/v1/releases")).json();
  expect(publicList.releases.map((listed: ReleaseView) => listed.version)).not.toContain(release.version);
  const maintainerList = await (await request.get("/api/v1/releases", { headers })).json();
  expect(maintainerList.releases.map((listed: ReleaseView) => listed.version)).toContain(release.version);
  expect((await request.get(file, { headers })).status()).toBe(200);
  expect((await request.post(`${page}/publish`, { headers: await bearer("annotator") })).status()).toBe(403);

  const published = await request.post(`${page}/publish`, { headers });
  expect(published.status()).toBe(200);
  expect((await published.json()).status).toBe("published");
  expect((await request.post(`${page}/publish`, { headers })).status()).toBe(409);

  const anonymous = await request.get(page);
  expect(anonymous.status()).toBe(200);
  expect((await anonymous.json()).status).toBe("published");
  const download = await request.get(file);
  expect(download.status()).toBe(200);
  const expected = release.files.find((listed) => listed.path === "data/es/train.jsonl")!;
  const bytes = await download.body();
  expect(bytes.length).toBe(expected.sizeBytes);
  expect(sha256Hex(bytes)).toBe(expected.sha256);
  expect(download.headers()["x-checksum-sha256"]).toBe(expected.sha256);
  expect(download.headers()["content-disposition"]).toBe(`attachment; filename="${release.version}-train.jsonl"`);

  // Published: a new release must now have a greater version.
  const older = await request.post("/api/v1/releases", { headers, data: { version: "1.0.0", license: "cc-by-4.0" } });
  expect(older.status()).toBe(422);
  expect((await older.json()).error.fields[0].field).toBe("version");
});

test("the OpenAPI document lists the release operations", async ({ request }) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  const operationIds = (path: string) => Object.values(document.paths[path] ?? {}).map((operation) => (operation as { operationId: string }).operationId);
  expect(operationIds("/api/v1/releases").sort()).toEqual(["createRelease", "listReleases"]);
  expect(operationIds("/api/v1/releases/{version}").sort()).toEqual(["discardRelease", "getRelease"]);
  expect(operationIds("/api/v1/releases/{version}/retry")).toEqual(["retryReleaseBuild"]);
  expect(operationIds("/api/v1/releases/{version}/publish")).toEqual(["publishRelease"]);
  expect(operationIds("/api/v1/releases/{version}/files/{path}")).toEqual(["downloadReleaseFile"]);
  expect(operationIds("/api/v1/items/{itemId}/retract")).toEqual(["retractItem"]);
  // Listing, reading and downloading need no credentials; creating does.
  expect(document.paths["/api/v1/releases"].get.security).toEqual([]);
  expect(document.paths["/api/v1/releases/{version}/files/{path}"].get.security).toEqual([]);
  expect(document.paths["/api/v1/releases"].post.security).toBeUndefined();
});
