import { acceptInvitation } from "@/lib/accounts/accept-invitation";
import { apiHandler } from "@/lib/http/api-handler";
import { acceptInvitation as acceptInvitationOperation } from "@/lib/http/operations/accounts";

export const POST = apiHandler(acceptInvitationOperation, async ({ body }) => acceptInvitation(body));
