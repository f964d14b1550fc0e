// The agreement report as CSV (page download and `escriba report agreement --format csv`): one row per group and
// figure, with the estimate, its interval, the items behind it and, instead of a number, why there is none.
import { writeSafeCsv, type CsvCell } from "@/lib/csv/write-safe-csv";
import type { AgreementFigures, AgreementReport } from "@/lib/review-quality/schemas";
import { RUBRIC } from "@/lib/reviews/schemas";

type FigureRow = AgreementReport["overall"]["kappa"];

const number = (value: number | null) => (value === null ? null : value.toFixed(4));
const cells = (figure: FigureRow): CsvCell[] => [number(figure.value), number(figure.low), number(figure.high), figure.items, figure.note];

function groupRows(grouping: string, group: AgreementFigures): CsvCell[][] {
  return [
    [grouping, group.key, group.label, "percent_agreement", ...cells(group.percentAgreement)],
    [grouping, group.key, group.label, "cohens_kappa", ...cells(group.kappa)],
    ...RUBRIC.map((criterion) => [grouping, group.key, group.label, `alpha_${criterion}`, ...cells(group.alpha[criterion])]),
  ];
}

export function agreementCsv(report: AgreementReport): string {
  const rows: CsvCell[][] = [
    ...groupRows("overall", report.overall),
    ...report.byLanguage.flatMap((group) => groupRows("language", group)),
    ...report.byReviewer.flatMap((group) => groupRows("reviewer", group)),
    ...report.byPair.flatMap((group) => groupRows("reviewer_pair", group)),
    ...report.byGuideline.flatMap((group) => groupRows("guideline", group)),
    ...report.byMonth.flatMap((group) => groupRows("month", group)),
    ...report.firstPassApproval.map((row) => ["first_pass_approval", row.reviewerId, row.name, "approval_rate", ...cells(row.rate)]),
    ...report.gold.map((row) => [
      "gold",
      `${row.reviewerId}|${row.language}|${row.guidelineVersion ?? ""}`,
      row.name,
      "gold_accuracy",
      ...cells(row.accuracy),
    ]),
  ];
  return writeSafeCsv(["grouping", "key", "label", "figure", "value", "ci_low", "ci_high", "items", "note"], rows);
}
