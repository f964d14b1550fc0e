import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { linkDeliveryFor } from "@/lib/http/account-link-delivery";
import { apiHandler } from "@/lib/http/api-handler";
import { requestPasswordReset as requestPasswordResetOperation } from "@/lib/http/operations/accounts";

export const POST = apiHandler(requestPasswordResetOperation, async ({ viewer, body, request }) => {
  // The e-mail goes out after the answer, so how long the answer takes says nothing about the address.
  await requestPasswordReset(body, await linkDeliveryFor(request, viewer));
  return { accepted: true as const };
});
