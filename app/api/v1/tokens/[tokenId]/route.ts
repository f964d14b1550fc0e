import { revokeApiToken } from "@/lib/auth/api-tokens";
import { apiHandler } from "@/lib/http/api-handler";
import { revokeApiToken as revokeApiTokenOperation } from "@/lib/http/operations/api-tokens";

export const DELETE = apiHandler(revokeApiTokenOperation, async ({ viewer, params }) =>
  revokeApiToken(viewer, params.tokenId),
);
