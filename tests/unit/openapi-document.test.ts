// The OpenAPI document is valid 3.1, documents every operation, and carries the same constraints the API enforces.
import assert from "node:assert/strict";
import { test } from "node:test";
import SwaggerParser from "@apidevtools/swagger-parser";
import { buildOpenApiDocument } from "@/lib/http/openapi-document";
import { API_OPERATIONS } from "@/lib/http/operations";

test("the document validates as OpenAPI 3.1 and describes /api/v1/me", async () => {
  const document = buildOpenApiDocument();
  assert.equal(document.openapi, "3.1.0");
  await SwaggerParser.validate(structuredClone(document) as never);
  const me = document.paths?.["/api/v1/me"]?.get;
  assert.equal(me?.operationId, "getMe");
  assert.ok(me?.responses?.["200"] && me.responses["401"]);
});

test("every operation is in the document with its method, and request schemas keep their rules", () => {
  const document = buildOpenApiDocument();
  for (const operation of API_OPERATIONS) {
    const pathItem = document.paths?.[operation.path] as Record<string, { operationId?: string }> | undefined;
    assert.equal(pathItem?.[operation.method.toLowerCase()]?.operationId, operation.operationId);
  }
  const schemas = document.components?.schemas as Record<string, { properties?: Record<string, { minLength?: number }> }>;
  assert.equal(schemas.CreateUserInput?.properties?.password?.minLength, 10);
});

test("the old path for giving an item back to the queue is marked deprecated; its replacement is not", () => {
  const document = buildOpenApiDocument();
  const old = document.paths?.["/api/v1/items/{itemId}/release"]?.post;
  const current = document.paths?.["/api/v1/items/{itemId}/return-to-queue"]?.post;
  assert.equal(old?.deprecated, true);
  assert.match(old?.summary ?? "", /return-to-queue/);
  assert.equal(current?.deprecated, undefined);
});
