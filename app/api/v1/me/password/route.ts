import { changeMyPassword } from "@/lib/accounts/change-my-password";
import { apiHandler } from "@/lib/http/api-handler";
import { changeMyPassword as changeMyPasswordOperation } from "@/lib/http/operations/accounts";

export const POST = apiHandler(changeMyPasswordOperation, async ({ viewer, body }) => changeMyPassword(viewer, body));
