import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/review-quality";
import { agreementCsv } from "@/lib/review-quality/agreement-csv";
import { agreementReport } from "@/lib/review-quality/agreement-report";

export const GET = apiHandler(operations.exportAgreementReport, async ({ viewer, query }) => {
  const csv = agreementCsv(await agreementReport(viewer, query));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="agreement.csv"',
      "cache-control": "no-store",
    },
  });
});
