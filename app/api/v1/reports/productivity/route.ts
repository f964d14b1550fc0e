import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/reports";
import { namingQueryFields } from "@/lib/http/query-field-errors";
import { productivityReport } from "@/lib/productivity/productivity-report";

export const GET = apiHandler(operations.getProductivityReport, async ({ viewer, query }) =>
  namingQueryFields(productivityReport(viewer, query)),
);
