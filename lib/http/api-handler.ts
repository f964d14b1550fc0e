// The wrapper every /api/v1 route handler goes through: authenticate, authorise by role, parse input, call one
// use case, validate the output against the documented schema, map errors to the one JSON shape.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import type { ApiOperation } from "@/lib/http/api-operation";
import { currentViewer } from "@/lib/http/authenticate";
import { assertSameOriginCookieWrite } from "@/lib/http/cross-site-writes";
import { errorResponse, fieldProblemsOf } from "@/lib/http/error-response";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { currentRequestId, requestIdFrom, withRequestId } from "@/lib/observability/request-context";

const MAX_BODY_BYTES = 1_000_000;

/** The parsed type of an optional schema slot; `undefined` when the operation has no such schema. */
type Infer<T> = [Exclude<T, undefined>] extends [never]
  ? undefined
  : Exclude<T, undefined> extends z.ZodType
    ? z.output<Exclude<T, undefined>>
    : undefined;

export interface ApiContext<Op extends ApiOperation> {
  viewer: Op["access"] extends "public" ? Viewer | null : Viewer;
  body: Infer<Op["body"]>;
  query: Infer<Op["query"]>;
  params: Infer<Op["params"]>;
  request: Request;
}

async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new AppError("payload_too_large", "The request body is larger than 1 MB.");
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES) throw new AppError("payload_too_large", "The request body is larger than 1 MB.");
  // Decoding strictly: request.text() would turn bytes that are not UTF-8 into U+FFFD and store altered text.
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid UTF-8.", {
      fields: [{ field: "(body)", message: "not valid UTF-8" }],
    });
  }
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.", {
      fields: [{ field: "(body)", message: "not valid JSON" }],
    });
  }
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, location: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = fieldProblemsOf(parsed.error, location === "body" ? [] : [location]);
  throw new AppError("validation_failed", `Invalid ${fields.map((problem) => problem.field).join(", ")}.`, { fields });
}

/** What a signed-in caller gets is theirs alone: no browser or shared cache may keep it (downloads keep their own). */
function withoutCaching(response: Response, signedIn: boolean): Response {
  if (signedIn) response.headers.set("cache-control", "no-store");
  return response;
}

export function apiHandler<Op extends ApiOperation>(
  operation: Op,
  /** Returns the response body; a download operation returns the Response that streams its file. */
  run: (context: ApiContext<Op>) => Promise<z.input<Op["response"]> | Response>,
) {
  const answer = async (request: Request, route: { params: Promise<Record<string, string | string[]>> }) => {
    const sentToken = request.headers.has("authorization");
    let signedIn = sentToken;
    try {
      const viewer = await currentViewer();
      signedIn ||= viewer !== null;
      // Without a token the viewer comes from the browser's cookie, which other sites can make the browser send.
      if (viewer && !sentToken) assertSameOriginCookieWrite(request);
      if (operation.access !== "public") {
        if (!viewer) throw new AppError("unauthenticated", "Sign in or send a valid API token.");
        assertRole(viewer, operation.access);
      }
      const params = operation.params ? parseOrThrow(operation.params, await route.params, "params") : undefined;
      const query = operation.query
        ? parseOrThrow(operation.query, Object.fromEntries(new URL(request.url).searchParams), "query")
        : undefined;
      const body = operation.body ? parseOrThrow(operation.body, await readJsonBody(request), "body") : undefined;
      const result = await run({ viewer, body, query, params, request } as ApiContext<Op>);
      // A download streams the file the use case opened; everything else is JSON checked against its schema.
      if (operation.download && result instanceof Response) return result;
      return withoutCaching(Response.json(operation.response.parse(result), { status: operation.successStatus ?? 200 }), signedIn);
    } catch (error) {
      return withoutCaching(errorResponse(error), signedIn);
    }
  };
  // Every request gets an id (the caller's x-request-id, or a new one): in each log line written while serving it,
  // and in the response, so a user's report and the logs meet. Its latency goes to the metrics by operation.
  return (request: Request, route: { params: Promise<Record<string, string | string[]>> }) =>
    withRequestId(requestIdFrom(request.headers), async () => {
      const started = performance.now();
      const response = await answer(request, route);
      const seconds = (performance.now() - started) / 1000;
      const labels = { operation: operation.operationId, method: request.method, status: String(response.status) };
      metrics().requestDuration.observe(labels, seconds);
      logger().info({ ...labels, path: new URL(request.url).pathname, durationMs: Math.round(seconds * 1000) }, "request");
      response.headers.set("x-request-id", currentRequestId()!);
      return response;
    });
}
