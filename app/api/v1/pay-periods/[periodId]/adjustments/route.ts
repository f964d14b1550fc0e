import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/pay";
import { listAdjustments } from "@/lib/pay/adjustments";

export const GET = apiHandler(operations.listAdjustments, async ({ viewer, params }) => ({
  adjustments: await listAdjustments(viewer, params.periodId),
}));
