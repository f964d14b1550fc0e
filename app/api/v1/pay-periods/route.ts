import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/pay";
import { createPayPeriod } from "@/lib/pay/create-pay-period";
import { listPayPeriods } from "@/lib/pay/list-pay-periods";

export const GET = apiHandler(operations.listPayPeriods, async ({ viewer }) => ({ periods: await listPayPeriods(viewer) }));
export const POST = apiHandler(operations.createPayPeriod, async ({ viewer, body }) => createPayPeriod(viewer, body));
