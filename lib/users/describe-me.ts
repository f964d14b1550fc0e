// What `/api/v1/me` answers: the acting person as the server sees them.
import type { Viewer } from "@/lib/auth/viewer";
import type { MeView } from "@/lib/users/schemas";

export function describeMe(viewer: Viewer): MeView {
  return {
    id: viewer.id,
    email: viewer.email,
    name: viewer.name,
    role: viewer.role,
    languages: viewer.languages,
    uiLocale: viewer.uiLocale,
    authenticatedBy: viewer.authenticatedBy,
  };
}
