// The wrapper every server action goes through, mirroring the API handler: authenticate, authorise, parse,
// call one use case, and return either data or the same error shape the API uses.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, type FieldProblem } from "@/lib/errors";
import { currentViewer } from "@/lib/http/authenticate";
import { toAppError } from "@/lib/http/error-response";
import type { Role } from "@/lib/vocabulary";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; fields: FieldProblem[] } };

export function serverAction<Input extends z.ZodType, Output, Access extends Role | "public">(
  access: Access,
  input: Input,
  run: (viewer: Access extends "public" ? Viewer | null : Viewer, input: z.output<Input>) => Promise<Output>,
) {
  return async (raw: z.input<Input>): Promise<ActionResult<Output>> => {
    try {
      const viewer = await currentViewer();
      if (access !== "public") {
        if (!viewer) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
        assertRole(viewer, access);
      }
      return { ok: true, data: await run(viewer as Viewer, input.parse(raw)) };
    } catch (error) {
      const appError = toAppError(error);
      if (!appError) {
        console.error("Unhandled error in server action", error);
        return { ok: false, error: { code: "internal_error", message: "Something went wrong on our side.", fields: [] } };
      }
      return { ok: false, error: { code: appError.code, message: appError.message, fields: appError.fields } };
    }
  };
}
