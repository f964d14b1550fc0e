import { inviteUser } from "@/lib/accounts/invite-user";
import { linkDeliveryFor } from "@/lib/http/account-link-delivery";
import { apiHandler } from "@/lib/http/api-handler";
import { inviteUser as inviteUserOperation } from "@/lib/http/operations/accounts";

export const POST = apiHandler(inviteUserOperation, async ({ viewer, body, request }) =>
  inviteUser(viewer, body, await linkDeliveryFor(request, viewer)),
);
