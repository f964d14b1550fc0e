// API contracts for personal API tokens.
import { z } from "zod";
import { apiTokenSchema, createApiTokenInputSchema, createdApiTokenSchema } from "@/lib/auth/schemas";
import { defineOperation } from "@/lib/http/api-operation";

export const listMyApiTokens = defineOperation({
  operationId: "listMyApiTokens",
  method: "GET",
  path: "/api/v1/tokens",
  summary: "List my personal API tokens (never the secrets).",
  tag: "Account",
  access: "annotator",
  response: z.object({ tokens: z.array(apiTokenSchema) }).meta({ id: "ApiTokenList" }),
});

export const createMyApiToken = defineOperation({
  operationId: "createMyApiToken",
  method: "POST",
  path: "/api/v1/tokens",
  summary: "Create a personal API token; the secret is in this response only. Needs a signed-in session: a request made with an API token gets 403.",
  tag: "Account",
  access: "annotator",
  body: createApiTokenInputSchema,
  response: createdApiTokenSchema,
  successStatus: 201,
});

export const revokeApiToken = defineOperation({
  operationId: "revokeApiToken",
  method: "DELETE",
  path: "/api/v1/tokens/{tokenId}",
  summary: "Revoke one of my tokens; it stops working at once.",
  tag: "Account",
  access: "annotator",
  params: z.object({ tokenId: z.uuid() }),
  response: apiTokenSchema,
});
