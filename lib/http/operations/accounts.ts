// API contracts for getting into an account: invitations, forgotten passwords and changing one's own password.
import {
  acceptInvitationInputSchema,
  accountLinkResultSchema,
  changeMyPasswordInputSchema,
  invitationSchema,
  inviteUserInputSchema,
  passwordChangedSchema,
  passwordResetRequestedSchema,
  requestPasswordResetInputSchema,
  resetPasswordInputSchema,
} from "@/lib/accounts/schemas";
import { defineOperation } from "@/lib/http/api-operation";

export const inviteUser = defineOperation({
  operationId: "inviteUser",
  method: "POST",
  path: "/api/v1/invitations",
  summary:
    "Invite someone by e-mail with a role and languages (maintainers). Returns the one-time link, which is also e-mailed when SMTP is configured.",
  tag: "Users",
  access: "maintainer",
  body: inviteUserInputSchema,
  response: invitationSchema,
  successStatus: 201,
});

export const acceptInvitation = defineOperation({
  operationId: "acceptInvitation",
  method: "POST",
  path: "/api/v1/invitations/accept",
  summary: "Use an invitation link's token: create the account with one's own name and password. Works once, until it expires.",
  tag: "Account",
  access: "public",
  body: acceptInvitationInputSchema,
  response: accountLinkResultSchema,
  successStatus: 201,
});

export const requestPasswordReset = defineOperation({
  operationId: "requestPasswordReset",
  method: "POST",
  path: "/api/v1/password-resets",
  summary: "Forgot password: e-mail a reset link to the address if it has an active account. The answer is the same either way.",
  tag: "Account",
  access: "public",
  body: requestPasswordResetInputSchema,
  response: passwordResetRequestedSchema,
  successStatus: 202,
});

export const resetPassword = defineOperation({
  operationId: "resetPassword",
  method: "POST",
  path: "/api/v1/password-resets/complete",
  summary: "Use a reset link's token to set a new password; every session of the account ends.",
  tag: "Account",
  access: "public",
  body: resetPasswordInputSchema,
  response: accountLinkResultSchema,
});

export const changeMyPassword = defineOperation({
  operationId: "changeMyPassword",
  method: "POST",
  path: "/api/v1/me/password",
  summary: "Change my password, giving the current one; my other sessions end. Needs a browser session, not an API token.",
  tag: "Account",
  access: "annotator",
  body: changeMyPasswordInputSchema,
  response: passwordChangedSchema,
});
