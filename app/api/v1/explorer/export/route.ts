import { exportItems } from "@/lib/explorer/export-items";
import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/explorer";

export const GET = apiHandler(operations.exportItems, async ({ viewer, query }) => {
  const { format, stream } = exportItems(viewer, query);
  return new Response(stream, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="escriba-items.${format}"`,
      "cache-control": "private, no-store",
    },
  });
});
