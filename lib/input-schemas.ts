// The shared input layer every domain's schemas build on, so bad input is refused by name before it reaches
// PostgreSQL: text it cannot store (NUL, refused with 22021) or would store altered (a lone UTF-16 surrogate becomes
// U+FFFD in a text column and an error in JSONB), and integers past the 32 bits of an INT column.
import { z } from "zod";

export const TEXT_NUL_MESSAGE = "must not contain the NUL character (U+0000)";
export const TEXT_SURROGATE_MESSAGE = "contains a lone UTF-16 surrogate (broken Unicode text); send well-formed text";

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as it is, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes("\u0000")) return TEXT_NUL_MESSAGE;
  if (LONE_SURROGATE.test(value)) return TEXT_SURROGATE_MESSAGE;
  return null;
}

/**
 * Every text a person sends: names, campaign texts, guidelines, item fields, comments, reasons, notes, path
 * segments. Chain `.trim()`, `.min()`, `.max()`, `.regex()` on it as on `z.string()`.
 */
export function textSchema() {
  return z.string().superRefine((value, context) => {
    const problem = textProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });
}

export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;

/** An integer that fits PostgreSQL's INT (32 bits); chain `.min()` / `.max()` for tighter bounds. */
export function int32Schema() {
  return z.int32();
}

/** The same, from a query-string value ("?version=3"). */
export function queryInt32Schema() {
  return z.coerce
    .number()
    .int()
    .min(INT32_MIN, { message: `must be at least ${INT32_MIN}` })
    .max(INT32_MAX, { message: `must be at most ${INT32_MAX}` });
}

/**
 * For an object's rule across fields: run it as soon as the fields it reads have parsed, even when others have not
 * (zod skips it otherwise), so one answer names every problem instead of the rest after a second try.
 */
export function onceParsed(...fields: string[]) {
  return {
    when: (payload: { value: unknown; issues: readonly { path?: readonly PropertyKey[] }[] }) =>
      typeof payload.value === "object" &&
      payload.value !== null &&
      // An array, or anything else refused as a whole (an issue without a path), is not the object the rule reads.
      !Array.isArray(payload.value) &&
      payload.issues.every((issue) => (issue.path?.length ?? 0) > 0 && !fields.includes(String(issue.path?.[0]))),
  };
}
