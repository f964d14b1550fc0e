// Validation and API shapes for people: the single source for parsing, types and the OpenAPI document.
import { z } from "zod";
import { textSchema } from "@/lib/input-schemas";
import { ITEM_LANGUAGES, languageSchema, roleSchema, uiLocaleSchema } from "@/lib/vocabulary";

export const emailSchema = textSchema()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "must be an e-mail address" }).max(254));

/** Language qualifications: each once, in order. */
export const languagesSchema = z
  .array(languageSchema)
  .max(ITEM_LANGUAGES.length)
  .transform((languages) => [...new Set(languages)].sort());

/** Long enough to resist guessing with the sign-in rate limit in place (NIST SP 800-63B asks for at least 8). */
export const MIN_PASSWORD_LENGTH = 10;

export const passwordSchema = textSchema()
  .min(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(200);

export const createUserInputSchema = z
  .object({
    email: emailSchema,
    name: textSchema().trim().min(1).max(120),
    role: roleSchema,
    languages: languagesSchema,
    password: passwordSchema,
  })
  .strict()
  .meta({ id: "CreateUserInput" });
export type CreateUserInput = z.input<typeof createUserInputSchema>;

export const updateUserInputSchema = z
  .object({
    name: textSchema().trim().min(1).max(120).optional(),
    role: roleSchema.optional(),
    languages: languagesSchema.optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 0, { message: "nothing to change" })
  .meta({ id: "UpdateUserInput" });
export type UpdateUserInput = z.input<typeof updateUserInputSchema>;

export const updateMyPreferencesInputSchema = z
  .object({ uiLocale: uiLocaleSchema.nullable() })
  .strict()
  .meta({ id: "UpdateMyPreferencesInput" });

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    languages: z.array(languageSchema),
    uiLocale: uiLocaleSchema.nullable(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "User" });
export type UserView = z.infer<typeof userSchema>;

export const meSchema = userSchema
  .pick({ id: true, email: true, name: true, role: true, languages: true, uiLocale: true })
  .extend({ authenticatedBy: z.enum(["session", "token", "cli"]) })
  .meta({ id: "Me", description: "The signed-in person or the owner of the API token." });
export type MeView = z.infer<typeof meSchema>;
