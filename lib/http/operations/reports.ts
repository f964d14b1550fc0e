// API contracts for programme reports: productivity and earnings per person and period (a person their own,
// maintainers anyone's), as JSON or as the dashboard's CSV.
import { defineOperation } from "@/lib/http/api-operation";
import { productivityQuerySchema, productivityReportSchema } from "@/lib/productivity/schemas";
import { z } from "zod";
import { flaggedSubmissionListSchema, flaggedSubmissionsQuerySchema, provenanceReportQuerySchema, provenanceReportSchema } from "@/lib/provenance/schemas";

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

export const getProvenanceReport = defineOperation({
  operationId: "getProvenanceReport",
  method: "GET",
  path: "/api/v1/reports/provenance",
  summary:
    "Authorship evidence per annotator for the submissions of the dates from–to (inclusive, programme time zone): share flagged, share of text pasted or inserted without typing, implausible records.",
  tag: "Reports",
  access: "maintainer",
  query: provenanceReportQuerySchema,
  response: provenanceReportSchema,
});

export const exportProvenanceReport = defineOperation({
  operationId: "exportProvenanceReport",
  method: "GET",
  path: "/api/v1/reports/provenance/export",
  summary: "The same per-annotator table as CSV (text cells safe against spreadsheet formulas).",
  tag: "Reports",
  access: "maintainer",
  query: provenanceReportQuerySchema,
  response: z.string(),
  download: "text/csv",
});

export const listFlaggedSubmissions = defineOperation({
  operationId: "listFlaggedSubmissions",
  method: "GET",
  path: "/api/v1/reports/provenance/flagged",
  summary: "Submissions of the period with evidence flags (or one flag, or implausible counters), newest first, at most 200.",
  tag: "Reports",
  access: "maintainer",
  query: flaggedSubmissionsQuerySchema,
  response: flaggedSubmissionListSchema,
});
