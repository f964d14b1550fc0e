// One-time links (invitations, password resets): the token is shown once in the link and only its SHA-256 is kept;
// using a link marks it used in the same transaction as what it does, so it works once.
import { createHash, randomBytes } from "node:crypto";
import { currentTime } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { AccountLinkPurpose, Prisma } from "@/lib/generated/prisma/client";

export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const PAGE_BY_PURPOSE: Record<AccountLinkPurpose, string> = { invitation: "invitation", password_reset: "password-reset" };

/** The page where the link's token is used, under the app's public address. */
export function accountLinkUrl(appUrl: string, purpose: AccountLinkPurpose, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/${PAGE_BY_PURPOSE[purpose]}/${token}`;
}

export type AccountLinkProblem = "link_unknown" | "link_used" | "link_expired";

function linkRefused(reason: AccountLinkProblem): AppError {
  const message = { link_unknown: "unknown link", link_used: "already used", link_expired: "expired" }[reason];
  return new AppError("validation_failed", `This link cannot be used: ${message}.`, {
    fields: [{ field: "token", message }],
    details: { reason },
  });
}

type LinkReader = Pick<Prisma.TransactionClient, "accountLink">;

/** The link behind a token if it can still be used, or why not. */
export async function findAccountLink(client: LinkReader, token: string, purpose: AccountLinkPurpose) {
  const link = await client.accountLink.findUnique({ where: { tokenHash: hashLinkToken(token) } });
  if (!link || link.purpose !== purpose) return { link: null, problem: "link_unknown" as const };
  if (link.usedAt) return { link: null, problem: "link_used" as const };
  if (link.expiresAt <= currentTime()) return { link: null, problem: "link_expired" as const };
  return { link, problem: null };
}

/**
 * Marks the link used inside `tx` and returns it, or throws a 422 on `token` saying why it cannot be used. The
 * conditional update makes two concurrent uses of one link end with one success.
 */
export async function useAccountLink(tx: Prisma.TransactionClient, token: string, purpose: AccountLinkPurpose) {
  const { link, problem } = await findAccountLink(tx, token, purpose);
  if (!link) throw linkRefused(problem);
  const claimed = await tx.accountLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: currentTime() } });
  if (claimed.count !== 1) throw linkRefused("link_used");
  return link;
}
