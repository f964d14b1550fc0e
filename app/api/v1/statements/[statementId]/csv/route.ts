import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/pay";
import { csvResponse } from "@/lib/http/csv-download";
import { statementCsvFile } from "@/lib/pay/read-statements";

export const GET = apiHandler(operations.downloadStatement, async ({ viewer, params }) =>
  csvResponse(await statementCsvFile(viewer, params.statementId)),
);
