// Browser-side calls to /api/v1 with the session cookie. callOperation takes the same operation contract the server
// is built from, so its path, input and result are typed by the server's own zod schemas; errors surface in the
// API's one JSON error shape.
import type { z } from "zod";
import type { ApiOperation } from "@/lib/http/api-operation";

export interface ApiFailure {
  code: string;
  message: string;
  fields: { field: string; message: string }[];
  details?: Record<string, unknown>;
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly failure: ApiFailure,
  ) {
    super(failure.message);
  }

  /** A detail the server sent with the error, read through the schema that describes it (null when absent or other). */
  detail<T extends z.ZodType>(name: string, schema: T): z.output<T> | null {
    const parsed = schema.safeParse(this.failure.details?.[name]);
    return parsed.success ? parsed.data : null;
  }
}

type InputOf<T> = T extends z.ZodType ? z.input<T> : never;
/** Absent when the operation has no such schema, optional when everything in it is. */
type Slot<Name extends string, T> = [T] extends [undefined]
  ? { [K in Name]?: never }
  : object extends InputOf<T>
    ? { [K in Name]?: InputOf<T> }
    : { [K in Name]: InputOf<T> };
/** What a call needs: the operation's path parameters, query and body, each only when the operation has one. */
export type OperationInput<Op extends ApiOperation> = Slot<"params", Op["params"]> & Slot<"query", Op["query"]> & Slot<"body", Op["body"]>;
export type OperationResult<Op extends ApiOperation> = z.output<Op["response"]>;

function pathOf(operation: ApiOperation, params: Record<string, unknown> | undefined, query: Record<string, unknown> | undefined) {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params?.[name] ?? "")));
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) search.set(name, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

async function send(method: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(path, {
    method,
    // The server takes cookie-authenticated writes only when declared JSON, body or not (see lib/http/cross-site-writes.ts).
    headers: method === "GET" ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const failure = (payload as { error?: ApiFailure } | null)?.error;
    throw new ApiRequestError(response.status, failure ?? { code: "network", message: response.statusText, fields: [] });
  }
  return payload;
}

export async function callOperation<Op extends ApiOperation>(
  operation: Op,
  ...[input]: [Op["params"], Op["query"], Op["body"]] extends [undefined, undefined, undefined] ? [] : [OperationInput<Op>]
): Promise<OperationResult<Op>> {
  const { params, query, body } = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  return (await send(operation.method, pathOf(operation, params, query), body)) as OperationResult<Op>;
}
