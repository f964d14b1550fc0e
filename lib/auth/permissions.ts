// The authorisation rules of escriba, in one place: every page, action, route and CLI command asks here.
import { AppError } from "@/lib/errors";
import type { ItemLanguage } from "@/lib/vocabulary";
import type { Viewer } from "@/lib/auth/viewer";
import type { Role } from "@/lib/vocabulary";

/** Each role can do everything the roles before it can. */
const ROLE_RANK: Record<Role, number> = { annotator: 0, reviewer: 1, maintainer: 2 };

export function hasRole(viewer: Pick<Viewer, "role">, minimum: Role): boolean {
  return ROLE_RANK[viewer.role] >= ROLE_RANK[minimum];
}

export function assertRole(viewer: Pick<Viewer, "role">, minimum: Role): void {
  if (!hasRole(viewer, minimum)) {
    throw new AppError("forbidden", `This needs the ${minimum} role.`, { details: { requiredRole: minimum } });
  }
}

/** Maintainers act on every language; others only on the languages they are qualified for. */
export function isQualifiedFor(viewer: Pick<Viewer, "role" | "languages">, language: ItemLanguage): boolean {
  return viewer.role === "maintainer" || viewer.languages.includes(language);
}

export function assertQualifiedFor(viewer: Pick<Viewer, "role" | "languages">, language: ItemLanguage): void {
  if (!isQualifiedFor(viewer, language)) {
    throw new AppError("forbidden", `You are not qualified to work in language "${language}".`, {
      fields: [{ field: "language", message: "not one of your languages" }],
    });
  }
}

/**
 * The languages of a campaign whose progress a viewer may see: maintainers all of them, others only their own. Someone
 * with none of the campaign's languages may not see its progress at all.
 */
export function progressLanguagesFor(viewer: Pick<Viewer, "role" | "languages">, campaignLanguages: readonly ItemLanguage[]): ItemLanguage[] {
  if (viewer.role === "maintainer") return [...campaignLanguages];
  const shared = campaignLanguages.filter((language) => viewer.languages.includes(language));
  if (shared.length === 0) {
    throw new AppError("forbidden", "This campaign collects none of your languages.", { details: { reason: "no_shared_language" } });
  }
  return shared;
}

/** Maintainers see every campaign; others the open ones that collect one of their languages. */
export function canSeeCampaign(
  viewer: Pick<Viewer, "role" | "languages">,
  campaign: { status: string; languages: readonly ItemLanguage[] },
): boolean {
  if (hasRole(viewer, "maintainer")) return true;
  return campaign.status === "active" && campaign.languages.some((language) => viewer.languages.includes(language));
}

/** Nobody decides on their own work: not as a reviewer, not as a maintainer settling a dispute. */
export function assertNotOwnWork(viewer: Pick<Viewer, "id">, item: { authorId: string }): void {
  if (item.authorId === viewer.id) {
    throw new AppError("forbidden", "You cannot decide on an item you wrote.", { details: { reason: "own_item" } });
  }
}

/**
 * Reviewing time is clocked only for an item the person may review and holds the lease of, or decided a moment ago
 * (the screen's last seconds are sent as it closes, after the decision ended the lease); never for their own item.
 */
export function assertMayClockReviewing(
  viewer: Pick<Viewer, "id" | "role" | "languages">,
  item: { authorId: string; language: ItemLanguage; reviewLease: { reviewerId: string; expiresAt: Date } | null },
  decidedMomentsAgo: boolean,
  now: Date,
): void {
  assertRole(viewer, "reviewer");
  assertNotOwnWork(viewer, item);
  assertQualifiedFor(viewer, item.language);
  const holdsLease = item.reviewLease?.reviewerId === viewer.id && item.reviewLease.expiresAt > now;
  if (!holdsLease && !decidedMomentsAgo) {
    throw new AppError("conflict", "You do not hold the review lease on this item, so no reviewing time counts for it.", {
      details: { reason: "no_lease" },
    });
  }
}

/**
 * New API tokens need a signed-in person (or the operator's CLI): a token that could mint tokens would let a leaked
 * token survive its own revocation through its children.
 */
export function assertMayCreateApiTokens(viewer: Pick<Viewer, "authenticatedBy">): void {
  if (viewer.authenticatedBy === "token") {
    throw new AppError("forbidden", "An API token cannot create API tokens. Sign in to create one.", {
      details: { reason: "session_required" },
    });
  }
}

/**
 * Productivity and earnings figures: a person sees their own; only maintainers see other people's (`personId` null
 * means everyone's).
 */
export function assertMaySeeFiguresOf(viewer: Pick<Viewer, "id" | "role">, personId: string | null): void {
  if (personId === viewer.id || hasRole(viewer, "maintainer")) return;
  throw new AppError("forbidden", "Only maintainers see other people's figures.", {
    fields: [{ field: "user", message: "not you" }],
  });
}

/** The page a person lands on after signing in. */
export function homePathFor(viewer: Pick<Viewer, "role">): string {
  switch (viewer.role) {
    case "maintainer":
      return "/admin/users";
    case "reviewer":
      return "/review";
    case "annotator":
      return "/work";
  }
}

/** Pay (earnings, statements) is private: a person sees their own; maintainers see everyone's. */
export function mayViewPayOf(viewer: Pick<Viewer, "id" | "role">, userId: string): boolean {
  return viewer.id === userId || hasRole(viewer, "maintainer");
}

export function assertMayViewPayOf(viewer: Pick<Viewer, "id" | "role">, userId: string): void {
  if (!mayViewPayOf(viewer, userId)) {
    throw new AppError("forbidden", "Only maintainers see other people's pay.", { details: { reason: "not_own_pay" } });
  }
}
