import { createApiToken, listMyApiTokens } from "@/lib/auth/api-tokens";
import { apiHandler } from "@/lib/http/api-handler";
import { createMyApiToken, listMyApiTokens as listMyApiTokensOperation } from "@/lib/http/operations/api-tokens";

export const GET = apiHandler(listMyApiTokensOperation, async ({ viewer }) => ({ tokens: await listMyApiTokens(viewer) }));
export const POST = apiHandler(createMyApiToken, async ({ viewer, body }) => createApiToken(viewer, viewer.id, body));
