// How a stored user is shown outside the domain: never with its password hash.
import type { User } from "@/lib/generated/prisma/client";
import type { UserView } from "@/lib/users/schemas";

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    languages: user.languages,
    uiLocale: user.uiLocale,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}
