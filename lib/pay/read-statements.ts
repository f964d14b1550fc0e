// Reading frozen statements: a person their own, maintainers anyone's; and their CSV files, byte for byte the ones
// whose SHA-256 was kept when the period closed.
import { assertMayViewPayOf, hasRole, mayViewPayOf } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { totalsByCurrency } from "./money";
import type { StatementLineView, StatementSummaryView, StatementView } from "./schemas";
import { sha256Hex, statementsCsv, type CsvStatement } from "./statement-csv";

const STATEMENT_INCLUDE = {
  period: { select: { label: true, startsOn: true, endsOn: true, timeZone: true, closedAt: true } },
  lines: { orderBy: { position: "asc" } },
} as const satisfies Prisma.StatementInclude;

type StatementRow = Prisma.StatementGetPayload<{ include: typeof STATEMENT_INCLUDE }>;

function linesOf(statement: StatementRow) {
  return statement.lines.map((line) => ({
    position: line.position,
    kind: line.kind,
    itemId: line.itemId,
    reviewId: line.reviewId,
    occurredAt: line.occurredAt,
    campaign: line.campaignSlug,
    rate: line.rate?.toFixed(2) ?? null,
    amount: line.amount.toFixed(2),
    currency: line.currency,
    reason: line.reason,
    addedBy: line.addedByEmail,
  }));
}

function toSummary(statement: StatementRow): StatementSummaryView {
  return {
    id: statement.id,
    periodId: statement.periodId,
    periodLabel: statement.period.label,
    userId: statement.userId,
    personName: statement.personName,
    personEmail: statement.personEmail,
    closedAt: (statement.period.closedAt ?? statement.createdAt).toISOString(),
    lineCount: statement.lines.length,
    totals: totalsByCurrency(linesOf(statement)),
    csvSha256: statement.csvSha256,
  };
}

function toCsvStatement(statement: StatementRow): CsvStatement {
  return { periodLabel: statement.period.label, personName: statement.personName, personEmail: statement.personEmail, lines: linesOf(statement) };
}

/** Statements of a period (maintainers), or of one person (themselves, or maintainers), newest period first. */
export async function listStatements(viewer: Viewer, filter: { periodId?: string; userId?: string }): Promise<StatementSummaryView[]> {
  const userId = filter.userId ?? (hasRole(viewer, "maintainer") ? undefined : viewer.id);
  if (userId) assertMayViewPayOf(viewer, userId);
  const statements = await db().statement.findMany({
    where: { periodId: filter.periodId, userId },
    orderBy: [{ period: { startsAt: "desc" } }, { personEmail: "asc" }],
    include: STATEMENT_INCLUDE,
  });
  return statements.map(toSummary);
}

/** One statement with every line; someone else's is "not found" to all but maintainers. */
export async function getStatement(viewer: Viewer, statementId: string): Promise<StatementView> {
  if (!isUuid(statementId)) throw notFound("Statement");
  const statement = await db().statement.findUnique({ where: { id: statementId }, include: STATEMENT_INCLUDE });
  if (!statement || !mayViewPayOf(viewer, statement.userId)) throw notFound("Statement");
  const itemIds = [...new Set(statement.lines.flatMap((line) => (line.itemId ? [line.itemId] : [])))];
  // Retraction is read now, never frozen: the line stays as it was paid, with a note beside it.
  const retracted = await db().item.findMany({ where: { id: { in: itemIds }, retractedAt: { not: null } }, select: { id: true, retractedAt: true } });
  const retractedAt = new Map(retracted.map((item) => [item.id, item.retractedAt!.toISOString()]));
  const lines: StatementLineView[] = linesOf(statement).map((line) => ({
    ...line,
    occurredAt: line.occurredAt.toISOString(),
    itemRetractedAt: (line.itemId && retractedAt.get(line.itemId)) || null,
  }));
  return {
    ...toSummary(statement),
    periodStartsOn: statement.period.startsOn.toISOString().slice(0, 10),
    periodEndsOn: statement.period.endsOn.toISOString().slice(0, 10),
    timeZone: statement.period.timeZone,
    lines,
  };
}

export interface CsvFile {
  fileName: string;
  text: string;
  sha256: string;
}

export async function statementCsvFile(viewer: Viewer, statementId: string): Promise<CsvFile> {
  const statement = await db().statement.findUnique({ where: { id: statementId }, include: STATEMENT_INCLUDE });
  if (!statement || !mayViewPayOf(viewer, statement.userId)) throw notFound("Statement");
  const text = statementsCsv([toCsvStatement(statement)]);
  const local = statement.personEmail.split("@")[0]!.replace(/[^A-Za-z0-9._-]/g, "_");
  return { fileName: `statement-${statement.period.label}-${local}.csv`, text, sha256: sha256Hex(text) };
}

/** Everyone's statements of a period in one file (maintainers), people in order of e-mail. */
export async function periodCsvFile(viewer: Viewer, periodId: string): Promise<CsvFile> {
  const period = await db().payPeriod.findUnique({ where: { id: periodId }, select: { label: true } });
  if (!period || !hasRole(viewer, "maintainer")) throw notFound("Pay period");
  const statements = await db().statement.findMany({ where: { periodId }, orderBy: { personEmail: "asc" }, include: STATEMENT_INCLUDE });
  const text = statementsCsv(statements.map(toCsvStatement));
  return { fileName: `statements-${period.label}.csv`, text, sha256: sha256Hex(text) };
}
