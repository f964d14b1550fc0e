// API contracts for programme reports: productivity and earnings per person and period (a person their own,
// maintainers anyone's), as JSON or as the dashboard's CSV.
import { defineOperation } from "@/lib/http/api-operation";
import { productivityQuerySchema, productivityReportSchema } from "@/lib/productivity/schemas";
import { z } from "zod";

export const getProductivityReport = defineOperation({
  operationId: "getProductivityReport",
  method: "GET",
  path: "/api/v1/reports/productivity",
  summary:
    "Productivity and earnings per person for the dates from–to (inclusive, programme time zone), optionally one campaign (slug) and one person: yourself, or anyone for maintainers.",
  tag: "Reports",
  access: "annotator",
  query: productivityQuerySchema,
  response: productivityReportSchema,
});

export const exportProductivityReport = defineOperation({
  operationId: "exportProductivityReport",
  method: "GET",
  path: "/api/v1/reports/productivity/export",
  summary: "The same report's people table as CSV (a totals row last; text cells safe against spreadsheet formulas).",
  tag: "Reports",
  access: "annotator",
  query: productivityQuerySchema,
  response: z.string(),
  download: "text/csv",
});
