import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/items";
import { checkDraft } from "@/lib/quality/check-draft";

export const POST = apiHandler(operations.checkDraft, async ({ body }) => checkDraft(body));
