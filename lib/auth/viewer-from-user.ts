// Turns a stored user into the Viewer that use cases receive.
import { Prisma, type User } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";

export function viewerFromUser(
  user: Pick<User, "id" | "email" | "name" | "role" | "languages" | "uiLocale">,
  how: Pick<Viewer, "authenticatedBy" | "sessionId" | "tokenId">,
): Viewer {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    languages: user.languages,
    uiLocale: user.uiLocale,
    ...how,
  };
}

/** The columns of `users u` a viewer is made of, for statements that find the user in SQL (viewerFromRow reads them). */
export const viewerColumns = Prisma.sql`u.id::text AS id, u.email, u.name, u.role::text AS role, u.languages::text[] AS languages,
  u.ui_locale::text AS ui_locale`;

export interface ViewerRow {
  id: string;
  email: string;
  name: string;
  role: Viewer["role"];
  languages: Viewer["languages"];
  ui_locale: string | null;
}

export function viewerFromRow(row: ViewerRow, how: Pick<Viewer, "authenticatedBy" | "sessionId" | "tokenId">): Viewer {
  return viewerFromUser({ ...row, uiLocale: row.ui_locale as Viewer["uiLocale"] }, how);
}
