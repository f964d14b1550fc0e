import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/pay";
import { closePayPeriod } from "@/lib/pay/close-pay-period";

export const POST = apiHandler(operations.closePayPeriod, async ({ viewer, params, body }) => closePayPeriod(viewer, params.periodId, body));
