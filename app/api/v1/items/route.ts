import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/items";
import { createDraft } from "@/lib/items/create-draft";
import { listMyItems } from "@/lib/items/list-my-items";

export const GET = apiHandler(operations.listMyItems, async ({ viewer, query }) => listMyItems(viewer, query));
export const POST = apiHandler(operations.createDraft, async ({ viewer, body }) => createDraft(viewer, body));
