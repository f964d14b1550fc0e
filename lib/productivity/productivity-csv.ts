// The people table of a productivity report as CSV (dashboard download and `escriba report productivity`): one row
// per person and a totals row; money as exact decimal text with one column per currency, hours with two decimals.
import { writeSafeCsv, type CsvCell } from "@/lib/csv/write-safe-csv";
import type { MoneySum, ProductivityReport, TotalFigures } from "@/lib/productivity/schemas";

const hours = (seconds: number) => (seconds / 3600).toFixed(2);
const ratio = (value: number | null) => (value === null ? null : value.toFixed(4));
const amountIn = (sums: MoneySum[], currency: string) => sums.find((sum) => sum.currency === currency)?.amount ?? "0.00";

export function productivityCsv(report: ProductivityReport): string {
  const currencies = [...new Set([...report.totals.itemEarnings, ...report.totals.reviewEarnings].map((sum) => sum.currency))].sort();
  const header = [
    "name",
    "email",
    "role",
    "submitted",
    "approved",
    "sent_back",
    "rejected",
    "first_pass_approval_rate",
    "writing_hours",
    "approved_per_active_hour",
    ...currencies.map((currency) => `item_earnings_${currency}`),
    "retracted_paid_items",
    "reviews_approved",
    "reviews_changes_requested",
    "reviews_rejected",
    "reviewing_hours",
    ...currencies.map((currency) => `review_earnings_${currency}`),
  ];
  const figures = (row: TotalFigures): CsvCell[] => [
    row.submitted,
    row.approved,
    row.sentBack,
    row.rejected,
    ratio(row.firstPassApprovalRate),
    hours(row.writingSeconds),
    row.approvedPerActiveHour === null ? null : row.approvedPerActiveHour.toFixed(2),
    ...currencies.map((currency) => amountIn(row.itemEarnings, currency)),
    row.retractedPaidItems,
    row.reviews.approve,
    row.reviews.requestChanges,
    row.reviews.reject,
    hours(row.reviewingSeconds),
    ...currencies.map((currency) => amountIn(row.reviewEarnings, currency)),
  ];
  return writeSafeCsv(header, [
    ...report.people.map((person) => [person.name, person.email, person.role, ...figures(person)]),
    ["total", null, null, ...figures(report.totals)],
  ]);
}
