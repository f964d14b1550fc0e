// Builds the Viewer a use case receives for a test user, as the session guard would.
import type { Viewer } from "@/lib/auth/viewer";
import type { TestUser } from "@/tests/support/seed-users";

export function viewerOf(user: TestUser): Viewer {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    languages: user.languages,
    uiLocale: null,
    authenticatedBy: "session",
  };
}
