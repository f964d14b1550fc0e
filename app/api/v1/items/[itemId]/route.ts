import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/items";
import { deleteDraft } from "@/lib/items/delete-draft";
import { getItem } from "@/lib/items/get-item";
import { updateDraft } from "@/lib/items/update-draft";

export const GET = apiHandler(operations.getItem, async ({ viewer, params }) => getItem(viewer, params.itemId));
export const PATCH = apiHandler(operations.updateDraft, async ({ viewer, params, body }) =>
  updateDraft(viewer, params.itemId, body),
);
export const DELETE = apiHandler(operations.deleteDraft, async ({ viewer, params, query }) =>
  deleteDraft(viewer, params.itemId, query.version),
);
