// Validation and API shapes for authentication: API tokens.
import { z } from "zod";
import { int32Schema, textSchema } from "@/lib/input-schemas";

export const createApiTokenInputSchema = z
  .object({
    name: textSchema().trim().min(1).max(80),
    expiresInDays: int32Schema().min(1).max(3650).optional(),
  })
  .strict()
  .meta({ id: "CreateApiTokenInput" });

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe("The first characters of the token, to recognise it."),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ApiToken" });
export type ApiTokenView = z.infer<typeof apiTokenSchema>;

export const createdApiTokenSchema = apiTokenSchema
  .extend({ token: z.string().describe("The secret itself. It is shown only in this response.") })
  .meta({ id: "CreatedApiToken" });
