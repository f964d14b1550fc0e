// Server-side sessions: the browser's cookie only names a session row, so revoking the row ends access at once.
import { db } from "@/lib/db";
import { currentTime } from "@/lib/clock";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/auth/viewer";
import { viewerFromUser } from "@/lib/auth/viewer-from-user";

export async function createSession(userId: string, client: { ipAddress?: string; userAgent?: string }) {
  const expiresAt = new Date(currentTime().getTime() + env().ESCRIBA_SESSION_DAYS * 86_400_000);
  return db().session.create({
    data: { userId, expiresAt, ipAddress: client.ipAddress, userAgent: client.userAgent?.slice(0, 400) },
    select: { id: true, expiresAt: true },
  });
}

/** The viewer behind a session id, or null when the session is unknown, revoked, expired or its user inactive. */
export async function resolveSession(sessionId: string): Promise<Viewer | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  // The user, found through the live session in the same statement: every page and browser API call pays for this
  // lookup, so it is one round trip (the session with its user `include`d is two).
  const user = await db().user.findFirst({
    where: { active: true, sessions: { some: { id: sessionId, revokedAt: null, expiresAt: { gt: currentTime() } } } },
  });
  return user ? viewerFromUser(user, { authenticatedBy: "session", sessionId }) : null;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db().session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: currentTime() } });
}
