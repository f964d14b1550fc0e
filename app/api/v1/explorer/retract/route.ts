import { retractItems } from "@/lib/explorer/retract-items";
import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/explorer";

export const POST = apiHandler(operations.retractItems, async ({ viewer, body }) => retractItems(viewer, body));
