// Validation and API shapes for invitations and password self-service.
import { z } from "zod";
import { textSchema } from "@/lib/input-schemas";
import { emailSchema, languagesSchema, passwordSchema } from "@/lib/users/schemas";
import { languageSchema, roleSchema } from "@/lib/vocabulary";

/** The secret part of a one-time link: 32 random bytes, base64url. */
const linkTokenSchema = textSchema().regex(/^[A-Za-z0-9_-]{43}$/, { message: "not a link token" });

export const inviteUserInputSchema = z
  .object({
    email: emailSchema,
    role: roleSchema,
    languages: languagesSchema,
  })
  .strict()
  .meta({ id: "InviteUserInput" });
export type InviteUserInput = z.input<typeof inviteUserInputSchema>;

export const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: roleSchema,
    languages: z.array(languageSchema),
    expiresAt: z.iso.datetime(),
    link: z.string().describe("The one-time link; shown to the maintainer whether or not it was e-mailed."),
    emailed: z.boolean().describe("Whether the SMTP server accepted the e-mail with the link."),
  })
  .meta({ id: "Invitation" });
export type InvitationView = z.infer<typeof invitationSchema>;

export const acceptInvitationInputSchema = z
  .object({ token: linkTokenSchema, name: textSchema().trim().min(1).max(120), password: passwordSchema })
  .strict()
  .meta({ id: "AcceptInvitationInput" });

export const requestPasswordResetInputSchema = z
  .object({ email: emailSchema })
  .strict()
  .meta({ id: "RequestPasswordResetInput" });

export const resetPasswordInputSchema = z
  .object({ token: linkTokenSchema, password: passwordSchema })
  .strict()
  .meta({ id: "ResetPasswordInput" });

export const changeMyPasswordInputSchema = z
  .object({ currentPassword: textSchema().min(1).max(200), password: passwordSchema })
  .strict()
  .meta({ id: "ChangeMyPasswordInput" });

/** The account a link was used for; the browser then offers sign-in with this address. */
export const accountLinkResultSchema = z.object({ email: z.string() }).meta({ id: "AccountLinkResult" });

export const passwordResetRequestedSchema = z
  .object({ accepted: z.literal(true) })
  .meta({ id: "PasswordResetRequested", description: "The same answer whether or not the address has an account." });

export const passwordChangedSchema = z
  .object({ changed: z.literal(true), otherSessionsEnded: z.number().int() })
  .meta({ id: "PasswordChanged" });
