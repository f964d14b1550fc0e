import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/pay";
import { getPayPeriod } from "@/lib/pay/list-pay-periods";

export const GET = apiHandler(operations.getPayPeriod, async ({ viewer, params }) => getPayPeriod(viewer, params.periodId));
