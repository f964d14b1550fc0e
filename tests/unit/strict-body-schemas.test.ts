// Every request body the API accepts refuses fields it does not know (422 naming them) instead of dropping them in
// silence, at every depth; walking the operation registry means a new operation cannot slip past.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { z } from "zod";
import { fieldProblemsOf } from "@/lib/http/error-response";
import { API_OPERATIONS } from "@/lib/http/operations";
import { definitionOf, walkZodSchema } from "@/tests/support/walk-zod-schema";

/** The dotted paths of the objects inside `schema` that accept unknown keys. */
function lenientObjects(schema: z.ZodType, path: string): string[] {
  const lenient: string[] = [];
  walkZodSchema(schema, path, (_, definition, at) => {
    if (definition.type === "object" && (!definition.catchall || definitionOf(definition.catchall).type !== "never")) lenient.push(at);
  });
  return lenient;
}

test("every request body schema in the operation registry is strict, nested objects included", () => {
  const withBody = API_OPERATIONS.filter((operation) => operation.body);
  assert.ok(withBody.length >= 15, "the registry lists the operations that take a body");
  const lenient = withBody.flatMap((operation) => lenientObjects(operation.body!, operation.operationId));
  assert.deepEqual(lenient, [], `bodies that accept unknown fields: ${lenient.join(", ")}`);
});

test("an unknown field is refused by name, at the top and inside a nested object", () => {
  const bodyOf = (operationId: string) => API_OPERATIONS.find((operation) => operation.operationId === operationId)!.body!;
  const release = bodyOf("createRelease").safeParse({ version: "1.0.0", license: "mit", notes: "", draft: true, tag: "x" });
  assert.deepEqual(fieldProblemsOf(release.error!), [
    { field: "draft", message: "unknown field" },
    { field: "tag", message: "unknown field" },
  ]);
  const retraction = bodyOf("retractItem").safeParse({ reason: "licence", notify: false });
  assert.deepEqual(fieldProblemsOf(retraction.error!), [{ field: "notify", message: "unknown field" }]);
  const campaign = bodyOf("createCampaign").safeParse({
    slug: "strict",
    name: "Strict",
    languages: ["gl"],
    categories: ["open_qa"],
    quotas: [{ language: "gl", category: "open_qa", target: 10, owner: "me" }],
  });
  assert.deepEqual(fieldProblemsOf(campaign.error!), [{ field: "quotas.0.owner", message: "unknown field" }]);
});
