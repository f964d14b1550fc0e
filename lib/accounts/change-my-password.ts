// A signed-in person changes their own password, proving the current one; their other sessions end.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { changeMyPasswordInputSchema } from "@/lib/accounts/schemas";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import type { Viewer } from "@/lib/auth/viewer";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

export async function changeMyPassword(
  viewer: Viewer,
  input: z.input<typeof changeMyPasswordInputSchema>,
): Promise<{ changed: true; otherSessionsEnded: number }> {
  if (viewer.authenticatedBy === "token") {
    throw new AppError("forbidden", "An API token cannot change the password: sign in.", { details: { reason: "session_required" } });
  }
  const parsed = changeMyPasswordInputSchema.parse(input);
  const user = await db().user.findUnique({ where: { id: viewer.id } });
  if (!user) throw notFound("User");
  if (!(await verifyPassword(user.passwordHash, parsed.currentPassword))) {
    throw new AppError("validation_failed", "The current password is wrong.", {
      fields: [{ field: "currentPassword", message: "wrong password" }],
      details: { reason: "wrong_current_password" },
    });
  }
  assertStrongPassword(parsed.password, [user.email, user.name]);
  const passwordHash = await hashPassword(parsed.password);
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const ended = await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, ...(viewer.sessionId ? { id: { not: viewer.sessionId } } : {}) },
      data: { revokedAt: currentTime() },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "password.changed",
      subjectType: "user",
      subjectId: user.id,
      payload: { otherSessionsEnded: ended.count },
    });
    return { changed: true as const, otherSessionsEnded: ended.count };
  });
}
