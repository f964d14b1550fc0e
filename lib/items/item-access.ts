// Who may see or change an item. Items a person may not see are reported as missing, so ids cannot be probed.
import { assertQualifiedFor, isQualifiedFor } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, notFound } from "@/lib/errors";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import type { ItemLanguage } from "@/lib/vocabulary";

interface ItemAccessFacts {
  authorId: string;
  language: ItemLanguage;
  status: ItemStatus;
}

/** Authors see their own items; reviewers see submitted work in their languages; maintainers see everything. */
export function canSeeItem(viewer: Viewer, item: ItemAccessFacts): boolean {
  if (item.authorId === viewer.id || viewer.role === "maintainer") return true;
  return viewer.role === "reviewer" && item.status !== "draft" && isQualifiedFor(viewer, item.language);
}

/**
 * Only the author edits the text, only while it is theirs to edit, and only while they are still qualified for its
 * language: a qualification a maintainer removed stops saving and submitting existing drafts too.
 */
export function assertAuthorCanEdit(viewer: Viewer, item: ItemAccessFacts): void {
  if (item.authorId !== viewer.id) throw notFound("Item");
  assertQualifiedFor(viewer, item.language);
  if (item.status !== "draft" && item.status !== "changes_requested") {
    throw new AppError("conflict", `The item is ${item.status} and can no longer be edited.`, {
      details: { status: item.status },
    });
  }
}

export function staleVersion(current: unknown, currentVersion: number): AppError {
  return new AppError("conflict", "The item changed since you loaded it (another tab or device).", {
    fields: [{ field: "version", message: `is stale; the current version is ${currentVersion}` }],
    details: { currentVersion, current: current as Record<string, unknown> },
  });
}
