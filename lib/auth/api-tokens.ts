// Personal API tokens: shown once, stored as SHA-256, revocable, and dead as soon as their owner is deactivated.
import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import { assertMayCreateApiTokens, assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { viewerFromUser } from "@/lib/auth/viewer-from-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { createApiTokenInputSchema, type ApiTokenView } from "@/lib/auth/schemas";

const TOKEN_PREFIX = "esc_";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

interface StoredToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

function toApiTokenView(token: StoredToken): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Creates a token for `ownerId`: one's own, or anyone's when the actor is a maintainer or the CLI (null); never when
 * the actor is itself acting through a token.
 */
export async function createApiToken(
  actor: Viewer | null,
  ownerId: string,
  input: z.input<typeof createApiTokenInputSchema>,
): Promise<ApiTokenView & { token: string }> {
  if (actor) assertMayCreateApiTokens(actor);
  if (actor && actor.id !== ownerId) assertRole(actor, "maintainer");
  const { name, expiresInDays } = createApiTokenInputSchema.parse(input);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const stored = await db().$transaction(async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { id: true } });
    if (!owner) throw notFound("User");
    const created = await tx.apiToken.create({
      data: {
        userId: ownerId,
        name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        expiresAt: expiresInDays ? new Date(currentTime().getTime() + expiresInDays * 86_400_000) : null,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor?.id ?? null,
      action: "api_token.created",
      subjectType: "api_token",
      subjectId: created.id,
      payload: { ownerId, name },
    });
    return created;
  });
  return { ...toApiTokenView(stored), token };
}

export async function listMyApiTokens(viewer: Viewer): Promise<ApiTokenView[]> {
  const tokens = await db().apiToken.findMany({ where: { userId: viewer.id }, orderBy: { createdAt: "desc" } });
  return tokens.map(toApiTokenView);
}

/** Revokes one of the viewer's tokens (maintainers may revoke anyone's). Revoking twice is harmless. */
export async function revokeApiToken(viewer: Viewer, tokenId: string): Promise<ApiTokenView> {
  return db().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId } });
    // Someone else's token is reported as missing, not forbidden, so ids cannot be probed.
    if (!token || (token.userId !== viewer.id && viewer.role !== "maintainer")) throw notFound("API token");
    const revoked = token.revokedAt
      ? token
      : await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: currentTime() } });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "api_token.revoked",
      subjectType: "api_token",
      subjectId: tokenId,
    });
    return toApiTokenView(revoked);
  });
}

/** Only touch lastUsedAt once a minute per token, so busy API clients do not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function resolveApiToken(token: string): Promise<Viewer | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const stored = await db().apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  const now = currentTime();
  if (!stored || stored.revokedAt || (stored.expiresAt && stored.expiresAt <= now) || !stored.user.active) return null;
  if (!stored.lastUsedAt || now.getTime() - stored.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiToken.update({ where: { id: stored.id }, data: { lastUsedAt: now } });
  }
  return viewerFromUser(stored.user, { authenticatedBy: "token", tokenId: stored.id });
}
