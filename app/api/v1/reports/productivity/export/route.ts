import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/reports";
import { namingQueryFields } from "@/lib/http/query-field-errors";
import { productivityCsv } from "@/lib/productivity/productivity-csv";
import { productivityReport } from "@/lib/productivity/productivity-report";

export const GET = apiHandler(operations.exportProductivityReport, async ({ viewer, query }) => {
  const csv = productivityCsv(await namingQueryFields(productivityReport(viewer, query)));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="productivity-${query.from}-${query.to}.csv"`,
      "cache-control": "no-store",
    },
  });
});
