// The one JSON error shape of the API, and how domain and validation errors map onto HTTP statuses.
import { z } from "zod";
import { databaseUnavailableError } from "@/lib/database/database-unavailable";
import { AppError, type AppErrorCode, type FieldProblem } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe("Stable machine-readable code, e.g. validation_failed."),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), message: z.string() })),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: "Error" });

const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_json: 400,
  invalid_path: 400,
  validation_failed: 422,
  rate_limited: 429,
  payload_too_large: 413,
  cross_site_request: 403,
  unsupported_media_type: 415,
  unavailable: 503,
};

export function fieldProblemsOf(error: z.ZodError, prefix: string[] = []): FieldProblem[] {
  const fieldName = (path: PropertyKey[]) => [...prefix, ...path.map(String)].join(".") || "(body)";
  return error.issues.flatMap((issue) =>
    // A strict object reports its unknown keys in one issue on itself; name each key as the field instead.
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ field: fieldName([...issue.path, key]), message: "unknown field" }))
      : [{ field: fieldName(issue.path), message: issue.message }],
  );
}

/** Converts anything thrown by a use case into an AppError; unknown errors become null (a 500). */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) {
    const fields = fieldProblemsOf(error);
    return new AppError("validation_failed", `Invalid ${fields.map((problem) => problem.field).join(", ")}.`, { fields });
  }
  const unavailable = databaseUnavailableError(error);
  if (unavailable) reportUnavailable(error);
  return unavailable;
}

/** At most one log line per few seconds while the database is busy or gone: thousands of requests, one cause. */
let lastUnavailableReport = 0;
function reportUnavailable(error: unknown) {
  const now = Date.now();
  if (now - lastUnavailableReport < 5000) return;
  lastUnavailableReport = now;
  logger().error(`Answering 503: ${error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error)}`);
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  if (!appError) {
    logger().error({ err: error }, "Unhandled error in API route");
    return Response.json(
      { error: { code: "internal_error", message: "Something went wrong on our side.", fields: [] } },
      { status: 500 },
    );
  }
  const headers = new Headers();
  if (appError.code === "unauthenticated") headers.set("WWW-Authenticate", 'Bearer realm="escriba"');
  const retryAfter = appError.details?.retryAfterSeconds;
  if ((appError.code === "rate_limited" || appError.code === "unavailable") && typeof retryAfter === "number") {
    headers.set("Retry-After", String(retryAfter));
  }
  return Response.json(
    {
      error: {
        code: appError.code,
        message: appError.message,
        fields: appError.fields,
        ...(appError.details ? { details: appError.details } : {}),
      },
    },
    { status: STATUS_BY_CODE[appError.code], headers },
  );
}
