// The one error type the domain throws; the HTTP and CLI shells map its code to a status or exit code.

export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "validation_failed"
  | "invalid_json"
  | "invalid_path"
  | "rate_limited"
  | "payload_too_large"
  | "cross_site_request"
  | "unsupported_media_type"
  /** The database is out of reach or every connection stayed busy for too long: retry later (503 + Retry-After). */
  | "unavailable";

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `languages.1`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields: FieldProblem[];
  readonly details?: Record<string, unknown>;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { fields?: FieldProblem[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields ?? [];
    this.details = options.details;
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found.`);
export const forbidden = (why = "You are not allowed to do this.") => new AppError("forbidden", why);
