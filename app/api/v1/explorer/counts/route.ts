import { countItems } from "@/lib/explorer/count-items";
import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/explorer";

export const GET = apiHandler(operations.countItems, async ({ viewer, query }) => countItems(viewer, query));
