// Server-side sessions: the browser's cookie only names a session row, so revoking the row ends access at once.
import { db } from "@/lib/db";
import { currentTime } from "@/lib/clock";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/auth/viewer";
import { viewerColumns, viewerFromRow, type ViewerRow } from "@/lib/auth/viewer-from-user";
import { prepared, queryInOneRoundTrip } from "@/lib/database/one-round-trip";
import { Prisma } from "@/lib/generated/prisma/client";

export async function createSession(userId: string, client: { ipAddress?: string; userAgent?: string }) {
  const expiresAt = new Date(currentTime().getTime() + env().ESCRIBA_SESSION_DAYS * 86_400_000);
  return db().session.create({
    data: { userId, expiresAt, ipAddress: client.ipAddress, userAgent: client.userAgent?.slice(0, 400) },
    select: { id: true, expiresAt: true },
  });
}

/** The viewer behind a session id, or null when the session is unknown, revoked, expired or its user inactive. */
export async function resolveSession(sessionId: string): Promise<Viewer | null> {
  // Only a well-formed id reaches the statement, which casts it to uuid.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(sessionId)) return null;
  // The user, found through the live session in the same statement: every page and browser API call pays for this
  // lookup, so it is one round trip, and it reads by key, so it is prepared with one plan for every session, as the
  // API token lookup is (sent by Prisma as text, it was planned anew on every call).
  const [row] = await queryInOneRoundTrip<ViewerRow>([prepared(Prisma.sql`
    SELECT ${viewerColumns}
      FROM sessions s JOIN users u ON u.id = s.user_id AND u.active
     WHERE s.id = ${sessionId}::uuid AND s.revoked_at IS NULL AND s.expires_at > ${currentTime()}::timestamptz`, { genericPlan: true })]);
  return row ? viewerFromRow(row, { authenticatedBy: "session", sessionId }) : null;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db().session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: currentTime() } });
}
