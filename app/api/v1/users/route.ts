import { apiHandler } from "@/lib/http/api-handler";
import { createUser as createUserOperation, listUsers as listUsersOperation } from "@/lib/http/operations/users";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";

export const GET = apiHandler(listUsersOperation, async ({ viewer }) => ({ users: await listUsers(viewer) }));
export const POST = apiHandler(createUserOperation, async ({ viewer, body }) => createUser(viewer, body));
