import { apiHandler } from "@/lib/http/api-handler";
import { updateUser as updateUserOperation } from "@/lib/http/operations/users";
import { updateUser } from "@/lib/users/update-user";

export const PATCH = apiHandler(updateUserOperation, async ({ viewer, params, body }) =>
  updateUser(viewer, params.userId, body),
);
