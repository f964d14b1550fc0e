import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/review-quality";
import { markGoldItem, unmarkGoldItem } from "@/lib/review-quality/mark-gold-item";

export const PUT = apiHandler(operations.markGoldItem, async ({ viewer, params, body }) => markGoldItem(viewer, params.itemId, body));
export const DELETE = apiHandler(operations.unmarkGoldItem, async ({ viewer, params }) => unmarkGoldItem(viewer, params.itemId));
