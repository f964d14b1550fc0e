// API contracts for people: the viewer's own profile and the maintainers' user administration.
import { z } from "zod";
import { defineOperation } from "@/lib/http/api-operation";
import {
  createUserInputSchema,
  meSchema,
  updateMyPreferencesInputSchema,
  updateUserInputSchema,
  userSchema,
} from "@/lib/users/schemas";

export const getMe = defineOperation({
  operationId: "getMe",
  method: "GET",
  path: "/api/v1/me",
  summary: "Who am I: the signed-in person or the owner of the API token, with role and languages.",
  tag: "Account",
  access: "annotator",
  response: meSchema,
});

export const updateMyPreferences = defineOperation({
  operationId: "updateMyPreferences",
  method: "PATCH",
  path: "/api/v1/me",
  summary: "Change my preferences (the UI language; null follows the browser).",
  tag: "Account",
  access: "annotator",
  body: updateMyPreferencesInputSchema,
  response: meSchema,
});

export const listUsers = defineOperation({
  operationId: "listUsers",
  method: "GET",
  path: "/api/v1/users",
  summary: "List every account (maintainers).",
  tag: "Users",
  access: "maintainer",
  response: z.object({ users: z.array(userSchema) }).meta({ id: "UserList" }),
});

export const createUser = defineOperation({
  operationId: "createUser",
  method: "POST",
  path: "/api/v1/users",
  summary: "Create an account with a role and language qualifications (maintainers).",
  tag: "Users",
  access: "maintainer",
  body: createUserInputSchema,
  response: userSchema,
  successStatus: 201,
});

export const updateUser = defineOperation({
  operationId: "updateUser",
  method: "PATCH",
  path: "/api/v1/users/{userId}",
  summary: "Change a person's name, role, languages or access; deactivating ends their sessions and tokens at once.",
  tag: "Users",
  access: "maintainer",
  params: z.object({ userId: z.uuid() }),
  body: updateUserInputSchema,
  response: userSchema,
});
