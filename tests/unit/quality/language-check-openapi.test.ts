// The live check's OpenAPI document tells API users about `alternatives`: the likeliest fine-grained languages
// (pt, ast, oc… included) beside each field's detected language.
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildOpenApiDocument } from "@/lib/http/openapi-document";

test("POST /api/v1/quality/check documents alternatives with the fine-grained language codes", () => {
  const document = buildOpenApiDocument();
  const check = document.paths?.["/api/v1/quality/check"]?.post;
  assert.equal(check?.operationId, "checkDraft");
  const text = JSON.stringify(document);
  const schemas = document.components?.schemas as Record<string, { properties?: Record<string, unknown> }>;
  const alternative = schemas.LanguageAlternative as { properties?: { language?: { enum?: string[] } } } | undefined;
  assert.deepEqual(alternative?.properties?.language?.enum, ["es", "ca", "eu", "gl", "pt", "fr", "it", "en", "de", "oc", "ast", "an"]);
  assert.match(text, /"alternatives":\{[^}]*"type":"array"/);
  assert.match(text, /#\/components\/schemas\/LanguageAlternative/);
});
