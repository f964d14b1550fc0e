// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests.
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import type { ApiOperation } from "@/lib/http/api-operation";
import { apiErrorSchema } from "@/lib/http/error-response";
import { API_OPERATIONS } from "@/lib/http/operations";

const ERROR_RESPONSES = {
  "400": "The body is not valid JSON (UTF-8), or the path is not valid percent-encoding.",
  "401": "No valid session or API token.",
  "403": "Your role or language qualifications do not allow this; or (`cross_site_request`) a write with the session cookie did not come from escriba's own pages.",
  "404": "Not found (or not yours).",
  "409": "Conflicts with the current state (e.g. a stale version).",
  "415": "A write with the session cookie did not declare `Content-Type: application/json`.",
  "422": "Invalid fields; `error.fields` names each one.",
  "429": "Too many requests; see Retry-After.",
  "503": "The database is busy or out of reach; retry after Retry-After seconds.",
} as const;

function operationObject(operation: ApiOperation) {
  const errorCodes = Object.keys(ERROR_RESPONSES).filter(
    (status) =>
      (operation.access !== "public" || (status !== "401" && status !== "403")) &&
      (status !== "415" || operation.method !== "GET") &&
      (!operation.errorStatuses || operation.errorStatuses.includes(status)),
  ) as (keyof typeof ERROR_RESPONSES)[];
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    tags: [operation.tag],
    ...(operation.deprecated ? { deprecated: true } : {}),
    ...(operation.access === "public" ? { security: [] } : {}),
    "x-escriba-minimum-role": operation.access,
    ...(operation.params || operation.query
      ? { requestParams: { ...(operation.params ? { path: operation.params } : {}), ...(operation.query ? { query: operation.query } : {}) } }
      : {}),
    ...(operation.body ? { requestBody: { required: true, content: { "application/json": { schema: operation.body } } } } : {}),
    ...(operation.upload
      ? { requestBody: { required: true, content: { [operation.upload]: { schema: { type: "string", format: "binary" } } } } }
      : {}),
    responses: {
      [String(operation.successStatus ?? 200)]: operation.download
        ? { description: "The file", content: { [operation.download]: { schema: { type: "string", format: "binary" } } } }
        : { description: "Success", content: { "application/json": { schema: operation.response } } },
      ...Object.fromEntries(
        errorCodes.map((status) => [
          status,
          { description: ERROR_RESPONSES[status], content: { "application/json": { schema: apiErrorSchema } } },
        ]),
      ),
    },
  };
}

export function buildOpenApiDocument(serverUrl?: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of API_OPERATIONS) {
    const pathItem = (paths[operation.path] ??= {});
    (pathItem as Record<string, unknown>)[operation.method.toLowerCase()] = operationObject(operation);
  }
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "escriba API",
        version: "1",
        description:
          "Every action of the escriba web UI. Authenticate with the browser session cookie or a personal API " +
          "token sent as `Authorization: Bearer esc_…`. Errors share one shape: `{ error: { code, message, fields } }`.",
      },
      ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
      security: [{ bearerToken: [] }, { sessionCookie: [] }],
      components: {
        securitySchemes: {
          bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (esc_…)." },
          sessionCookie: {
            type: "apiKey",
            in: "cookie",
            name: "next-auth.session-token",
            description: "The browser's session. Writes with it are taken only from escriba's own pages (same-origin `Origin` or `Sec-Fetch-Site`) with `Content-Type: application/json`; scripts use a Bearer token.",
          },
        },
      },
      paths,
    },
    { reused: "inline" },
  );
}
