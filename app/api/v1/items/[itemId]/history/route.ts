import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/reviews";
import { getItemHistory } from "@/lib/reviews/get-item-history";

export const GET = apiHandler(operations.getItemHistory, async ({ viewer, params }) => getItemHistory(viewer, params.itemId));
