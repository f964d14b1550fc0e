// An API operation's contract: method, path, who may call it and its zod schemas. The route handler and the
// OpenAPI document are both built from it, so they cannot disagree.
import type { z } from "zod";
import type { Role } from "@/lib/vocabulary";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface ApiOperation<
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Params extends z.ZodType | undefined = z.ZodType | undefined,
  Result extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path, with `{name}` parameters. */
  path: string;
  summary: string;
  tag: string;
  /** The least role that may call it, or "public" for no authentication. */
  access: Role | "public";
  body?: Body;
  query?: Query;
  params?: Params;
  response: Result;
  successStatus?: 200 | 201 | 202;
  /** Kept answering for old clients; the OpenAPI document marks it deprecated and names its replacement in the summary. */
  deprecated?: boolean;
  /** The success response is a file download (its media type), not JSON; `response` is then unused. */
  download?: string;
  /** The request body is a file of this media type (not JSON), which the route reads itself; `body` is then unset. */
  upload?: string;
  /** The error statuses it can answer, when not the usual set (the health checks answer only 503, or nothing). */
  errorStatuses?: readonly string[];
}

export function defineOperation<
  Body extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Params extends z.ZodType | undefined = undefined,
  Result extends z.ZodType = z.ZodType,
>(operation: ApiOperation<Body, Query, Params, Result>) {
  return operation;
}
