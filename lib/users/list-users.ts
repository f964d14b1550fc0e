// The people of the platform, for maintainers.
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { UserView } from "@/lib/users/schemas";
import { toUserView } from "@/lib/users/user-view";

export async function listUsers(actor: Viewer): Promise<UserView[]> {
  assertRole(actor, "maintainer");
  const users = await db().user.findMany({ orderBy: [{ active: "desc" }, { email: "asc" }] });
  return users.map(toUserView);
}
