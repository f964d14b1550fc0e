import { apiHandler } from "@/lib/http/api-handler";
import { getMe, updateMyPreferences as updateMyPreferencesOperation } from "@/lib/http/operations/users";
import { describeMe } from "@/lib/users/describe-me";
import { updateMyPreferences } from "@/lib/users/update-my-preferences";

export const GET = apiHandler(getMe, async ({ viewer }) => describeMe(viewer));
export const PATCH = apiHandler(updateMyPreferencesOperation, async ({ viewer, body }) => updateMyPreferences(viewer, body));
