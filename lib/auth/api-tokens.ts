// Personal API tokens: shown once, stored as SHA-256, revocable, and dead as soon as their owner is deactivated.
import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import { assertMayCreateApiTokens, assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { viewerColumns, viewerFromRow, type ViewerRow } from "@/lib/auth/viewer-from-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { prepared, queryInOneRoundTrip } from "@/lib/database/one-round-trip";
import { Prisma } from "@/lib/generated/prisma/client";
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
  const now = currentTime();
  // One statement per API call: the live token, its active owner, and lastUsedAt touched when it is due. It reads by
  // key, so it is prepared with one plan for every token: planned for each call, planning cost six times running it.
  const [row] = await queryInOneRoundTrip<ViewerRow & { token_id: string }>([prepared(Prisma.sql`
    WITH live AS (
      SELECT t.id AS token_id, ${viewerColumns}
        FROM api_tokens t JOIN users u ON u.id = t.user_id AND u.active
       WHERE t.token_hash = ${hashToken(token)} AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ${now}::timestamptz)),
    touched AS (
      UPDATE api_tokens SET last_used_at = ${now}::timestamptz
       WHERE id = (SELECT token_id FROM live)
         AND (last_used_at IS NULL OR last_used_at < ${now}::timestamptz - make_interval(secs => ${LAST_USED_RESOLUTION_MS / 1000})))
    SELECT token_id::text, id, email, name, role, languages, ui_locale FROM live`, { genericPlan: true })]);
  return row ? viewerFromRow(row, { authenticatedBy: "token", tokenId: row.token_id }) : null;
}
