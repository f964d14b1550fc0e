import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/pay";
import { getPayPeriod } from "@/lib/pay/list-pay-periods";
import { listStatements } from "@/lib/pay/read-statements";

export const GET = apiHandler(operations.listPeriodStatements, async ({ viewer, params }) => {
  await getPayPeriod(viewer, params.periodId);
  return { statements: await listStatements(viewer, { periodId: params.periodId }) };
});
