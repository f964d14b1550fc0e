import { searchItems } from "@/lib/explorer/search-items";
import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/explorer";

export const GET = apiHandler(operations.searchItems, async ({ viewer, query }) => searchItems(viewer, query));
