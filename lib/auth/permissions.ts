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

/** Nobody decides on their own work: not as a reviewer, not as a maintainer settling a dispute. */
export function assertNotOwnWork(viewer: Pick<Viewer, "id">, item: { authorId: string }): void {
  if (item.authorId === viewer.id) {
    throw new AppError("forbidden", "You cannot decide on an item you wrote.", { details: { reason: "own_item" } });
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
