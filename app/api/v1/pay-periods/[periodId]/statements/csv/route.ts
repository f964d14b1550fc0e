import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/pay";
import { csvResponse } from "@/lib/http/csv-download";
import { periodCsvFile } from "@/lib/pay/read-statements";

export const GET = apiHandler(operations.downloadPeriodStatements, async ({ viewer, params }) =>
  csvResponse(await periodCsvFile(viewer, params.periodId)),
);
