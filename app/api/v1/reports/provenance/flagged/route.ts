import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/reports";
import { listFlaggedSubmissions } from "@/lib/provenance/provenance-report";

export const GET = apiHandler(operations.listFlaggedSubmissions, async ({ viewer, query }) => ({
  submissions: await listFlaggedSubmissions(viewer, query),
}));
