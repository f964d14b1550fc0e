import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/reports";
import { provenanceCsv, provenanceReport } from "@/lib/provenance/provenance-report";

export const GET = apiHandler(operations.exportProvenanceReport, async ({ viewer, query }) => {
  const csv = provenanceCsv(await provenanceReport(viewer, query));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="authorship-evidence-${query.from}-${query.to}.csv"`,
      "cache-control": "no-store",
    },
  });
});
