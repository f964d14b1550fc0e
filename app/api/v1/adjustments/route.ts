import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/pay";
import { createAdjustment } from "@/lib/pay/adjustments";

export const POST = apiHandler(operations.createAdjustment, async ({ viewer, body }) => createAdjustment(viewer, body));
