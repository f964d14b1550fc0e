import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/pay";
import { csvResponse, periodCsvFile } from "@/lib/pay/read-statements";

export const GET = apiHandler(operations.downloadPeriodStatements, async ({ viewer, params }) =>
  csvResponse(await periodCsvFile(viewer, params.periodId)),
);
