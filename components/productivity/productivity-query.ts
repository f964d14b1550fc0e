// The productivity report as server state, refetched whenever the period, campaign or person changes.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { callOperation } from "@/components/api-client";
import * as reports from "@/lib/http/operations/reports";
import type { ProductivityQuery } from "@/lib/productivity/schemas";

export function useProductivityReport(query: ProductivityQuery, enabled = true) {
  return useQuery({
    queryKey: ["productivity", query],
    queryFn: () => callOperation(reports.getProductivityReport, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The CSV of the same report, downloaded by the browser with the session cookie. */
export function productivityCsvHref(query: ProductivityQuery): string {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  return `${reports.exportProductivityReport.path}?${search.toString()}`;
}
