// What the page behind a one-time link shows before anyone types: whose link it is, or why it cannot be used.
import { findAccountLink, type AccountLinkProblem } from "@/lib/accounts/account-links";
import { db } from "@/lib/db";
import type { AccountLinkPurpose } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/vocabulary";

export type AccountLinkState = { usable: true; email: string; role: Role | null } | { usable: false; problem: AccountLinkProblem };

export async function describeAccountLink(token: string, purpose: AccountLinkPurpose): Promise<AccountLinkState> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { usable: false, problem: "link_unknown" };
  const { link, problem } = await findAccountLink(db(), token, purpose);
  return link ? { usable: true, email: link.email, role: link.role } : { usable: false, problem };
}
