import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/reports";
import { provenanceReport } from "@/lib/provenance/provenance-report";

export const GET = apiHandler(operations.getProvenanceReport, async ({ viewer, query }) => provenanceReport(viewer, query));
