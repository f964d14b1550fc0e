import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/releases";
import { retractItem } from "@/lib/items/retract-item";

export const POST = apiHandler(operations.retractItem, async ({ viewer, params, body }) => retractItem(viewer, params.itemId, body));
