// A path that does not percent-decode is answered 400 by our server in front of Next, in the one error shape
// under /api/ and as a page in the visitor's language elsewhere.
import assert from "node:assert/strict";
import { test } from "node:test";
import { apiErrorSchema } from "@/lib/http/error-response";
import { decodePathSegments, pathOfRequestTarget, undecodablePathResponse } from "@/lib/http/request-path";

test("a path decodes segment by segment, and one that does not is refused as a whole", () => {
  assert.deepEqual(decodePathSegments("/api/v1/items/a%20b"), ["", "api", "v1", "items", "a b"]);
  assert.deepEqual(decodePathSegments("/releases/1.0.0/files/data%2Fgl"), ["", "releases", "1.0.0", "files", "data/gl"]);
  assert.deepEqual(decodePathSegments("/x/%00"), ["", "x", "\u0000"]);
  for (const bad of ["/api/v1/items/%ff", "/api/v1/items/%c0%ae", "/api/v1/items/%", "/a/%e2%82", "/a/%ed%a0%80", "/%zz"]) {
    assert.equal(decodePathSegments(bad), null, bad);
  }
  assert.equal(pathOfRequestTarget("/api/v1/items?x=%ff#y"), "/api/v1/items");
  assert.equal(pathOfRequestTarget("/work#%"), "/work");
});

test("an undecodable path is 400: the one JSON error shape under /api/, a page in the visitor's language elsewhere", async () => {
  const api = undecodablePathResponse("/api/v1/items/%ff", {});
  assert.equal(api.status, 400);
  const body = apiErrorSchema.parse(await api.json());
  assert.equal(body.error.code, "invalid_path");
  assert.deepEqual(body.error.fields.map((problem) => problem.field), ["path"]);

  const basque = undecodablePathResponse("/work/items/%ff", { acceptLanguage: "eu-ES,eu;q=0.9,en;q=0.5" });
  assert.equal(basque.status, 400);
  assert.match(basque.headers.get("content-type") ?? "", /^text\/html/);
  const page = await basque.text();
  assert.match(page, /<html lang="eu">/);
  assert.match(page, /Helbide hau ez da baliozkoa/);
  const galician = await undecodablePathResponse("/releases/%", { cookie: "a=1; escriba-locale=gl", acceptLanguage: "es" }).text();
  assert.match(galician, /Este enderezo non é válido/);
});
