// The one place where an error from the API becomes words a person reads, from the catalogs (group apiErrors), in
// their language: a line for the error's code (or for the reason the server gives in its details), and a line for
// each field it names, with the field's label when the catalogs have one. The server's own messages are English
// for developers and are never shown. Components use it through useErrorMessage (use-error-message.ts).
import { ApiRequestError } from "@/components/api-client";
import type { AppErrorCode } from "@/lib/errors";

/** The codes a browser can meet: the domain's, the server's last resort, and a request that never got an answer. */
export type ShownErrorCode = AppErrorCode | "internal_error" | "network";

/** Every code, so a new one fails the type check until it has its words (and the catalog test checks the words). */
export const SHOWN_ERROR_CODES = Object.keys({
  unauthenticated: true,
  forbidden: true,
  not_found: true,
  conflict: true,
  validation_failed: true,
  invalid_json: true,
  invalid_path: true,
  rate_limited: true,
  payload_too_large: true,
  cross_site_request: true,
  unsupported_media_type: true,
  unavailable: true,
  internal_error: true,
  network: true,
} satisfies Record<ShownErrorCode, true>) as ShownErrorCode[];

/** Reasons the server names in `details.reason` that the catalogs explain, each more precise than its code. */
export const SHOWN_ERROR_REASONS = [
  "weak_password",
  "session_required",
  "own_item",
  "no_lease",
  "invalid_credentials",
  "link_expired",
  "link_used",
  "link_unknown",
  "wrong_current_password",
] as const;

/** What a field problem means, by the error's code: taken for a conflict, not allowed when forbidden, else not valid. */
const FIELD_PROBLEM_BY_CODE: Partial<Record<ShownErrorCode, "taken" | "notAllowed">> = { conflict: "taken", forbidden: "notAllowed" };

export interface FieldErrorMessage {
  /** The field's path as the server names it, e.g. `languages.1`. */
  field: string;
  text: string;
}

export interface ErrorMessage {
  summary: string;
  fields: FieldErrorMessage[];
  /** Summary and fields in one line, for places that show a single line. */
  text: string;
}

/** The subset of next-intl's translator this needs, scoped to the apiErrors group. */
export interface ErrorTranslator {
  (key: string, values?: Record<string, string>): string;
  has(key: string): boolean;
}

function codeOf(error: unknown): { code: ShownErrorCode; reason: string | null; fields: { field: string }[] } {
  if (!(error instanceof ApiRequestError)) return { code: "network", reason: null, fields: [] };
  const known = (SHOWN_ERROR_CODES as string[]).includes(error.failure.code);
  const reason = error.failure.details?.reason;
  return {
    code: known ? (error.failure.code as ShownErrorCode) : error.status >= 500 ? "internal_error" : "validation_failed",
    reason: typeof reason === "string" ? reason : null,
    fields: error.failure.fields,
  };
}

export function describeError(error: unknown, t: ErrorTranslator): ErrorMessage {
  const { code, reason, fields } = codeOf(error);
  // A reason says all there is to say, the field included (a weak password, a token that may not do this).
  // Its fields still carry it, so the form can mark the field it concerns.
  if (reason && t.has(`reasons.${reason}`)) {
    const summary = t(`reasons.${reason}`);
    return { summary, fields: fields.map(({ field }) => ({ field, text: summary })), text: summary };
  }
  const summary = t(`codes.${code}`);
  const problem = t(`fieldProblems.${FIELD_PROBLEM_BY_CODE[code] ?? "invalid"}`);
  const fieldMessages = fields.map(({ field }) => {
    // A query string's or path's fields come as `query.<name>`, the request's body as a whole as `(body)`: the name is
    // what has a label.
    const name = field.replace(/^(query|params)\./, "").replace(/^\((\w+)\)$/, "$1").split(".")[0] ?? field;
    const label = t.has(`fields.${name}`) ? t(`fields.${name}`) : field;
    return { field, text: t("field", { field: label, problem }) };
  });
  return { summary, fields: fieldMessages, text: [summary, ...fieldMessages.map((entry) => entry.text)].join(" ") };
}

/** What the error says about one field (or any of its parts, e.g. `scores.fluency` for `scores`), or null. */
export function fieldErrorText(message: ErrorMessage | null, field: string): string | null {
  return message?.fields.find((entry) => entry.field === field || entry.field.startsWith(`${field}.`))?.text ?? null;
}

/** The summary, plus the lines of fields the form does not show next to an input of its own (`placed`). */
export function summaryBeside(message: ErrorMessage, placed: readonly string[]): string {
  const elsewhere = message.fields.filter((entry) => !placed.some((field) => entry.field === field || entry.field.startsWith(`${field}.`)));
  return [message.summary, ...elsewhere.map((entry) => entry.text).filter((text) => text !== message.summary)].join(" ");
}
