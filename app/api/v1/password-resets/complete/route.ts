import { resetPassword } from "@/lib/accounts/reset-password";
import { apiHandler } from "@/lib/http/api-handler";
import { resetPassword as resetPasswordOperation } from "@/lib/http/operations/accounts";

export const POST = apiHandler(resetPasswordOperation, async ({ body }) => resetPassword(body));
