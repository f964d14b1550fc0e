import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/items";
import { submitItem } from "@/lib/items/submit-item";

export const POST = apiHandler(operations.submitItem, async ({ viewer, params, body }) =>
  submitItem(viewer, params.itemId, body),
);
