// Turns a stored user into the Viewer that use cases receive.
import type { User } from "@/lib/generated/prisma/client";
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
