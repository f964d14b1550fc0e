// Changes a person's name, role, languages or access; deactivation ends their sessions and tokens at once.
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { updateUserInputSchema, type UpdateUserInput, type UserView } from "@/lib/users/schemas";
import { toUserView } from "@/lib/users/user-view";

export async function updateUser(actor: Viewer | null, userId: string, input: UpdateUserInput): Promise<UserView> {
  if (actor) assertRole(actor, "maintainer");
  const changes = updateUserInputSchema.parse(input);
  if (actor && actor.id === userId && (changes.active === false || (changes.role && changes.role !== "maintainer"))) {
    // A maintainer locking themselves out could leave the platform with nobody to administer it.
    throw new AppError("conflict", "You cannot deactivate yourself or give up your own maintainer role.", {
      fields: [{ field: changes.active === false ? "active" : "role", message: "cannot change your own access" }],
    });
  }
  const user = await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw notFound("User");
    const now = currentTime();
    const deactivating = changes.active === false && before.active;
    const after = await tx.user.update({
      where: { id: userId },
      data: {
        ...changes,
        ...(changes.active === undefined ? {} : { deactivatedAt: changes.active ? null : now }),
      },
    });
    if (deactivating) {
      await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
      await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    }
    await recordAuditEvent(tx, {
      actorId: actor?.id ?? null,
      action: deactivating ? "user.deactivated" : "user.updated",
      subjectType: "user",
      subjectId: userId,
      payload: { changes: JSON.parse(JSON.stringify(changes)) },
    });
    return after;
  });
  return toUserView(user);
}
