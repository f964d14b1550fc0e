// How a pay period is shown: its days, instants, status and the totals it pays (frozen, or so far when still open).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PayPeriodStatus } from "@/lib/generated/prisma/enums";
import type { Database } from "@/lib/db";
import type { CurrencyTotal } from "./money";
import type { PayPeriodView } from "./schemas";

type Reader = Database | Prisma.TransactionClient;

export const PAY_PERIOD_VIEW_INCLUDE = {
  closedBy: { select: { name: true } },
  _count: { select: { statements: true } },
} as const;

interface PeriodRow {
  id: string;
  label: string;
  startsOn: Date;
  endsOn: Date;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  status: PayPeriodStatus;
  closedAt: Date | null;
  closedBy: { name: string } | null;
  _count: { statements: number };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Totals per period and currency, summed by PostgreSQL's exact numeric: a closed period's statement lines; an open
 * period's unpaid ledger lines inside it and its adjustments.
 */
async function periodTotals(reader: Reader, periodIds: string[]): Promise<Map<string, CurrencyTotal[]>> {
  const totals = new Map<string, CurrencyTotal[]>();
  if (periodIds.length === 0) return totals;
  const rows = await reader.$queryRaw<{ period_id: string; currency: string; amount: string }[]>`
    WITH periods AS (SELECT * FROM pay_periods WHERE id = ANY(${periodIds}::uuid[])),
    amounts AS (
      SELECT s.period_id, l.currency, l.amount
        FROM statements s JOIN statement_lines l ON l.statement_id = s.id
       WHERE s.period_id IN (SELECT id FROM periods WHERE status = 'closed')
      UNION ALL
      SELECT p.id, e.currency, e.amount
        FROM periods p JOIN earnings e ON e.earned_at >= p.starts_at AND e.earned_at < p.ends_at
       WHERE p.status = 'open' AND NOT EXISTS (SELECT 1 FROM statement_lines l WHERE l.earning_id = e.id)
      UNION ALL
      SELECT a.period_id, a.currency, a.amount
        FROM adjustments a JOIN periods p ON p.id = a.period_id
       WHERE p.status = 'open'
    )
    SELECT period_id::text, currency, sum(amount)::numeric(14,2)::text AS amount FROM amounts GROUP BY period_id, currency ORDER BY currency`;
  for (const row of rows) {
    const list = totals.get(row.period_id) ?? [];
    list.push({ currency: row.currency, amount: row.amount });
    totals.set(row.period_id, list);
  }
  return totals;
}

export async function toPayPeriodViews(reader: Reader, periods: PeriodRow[], now = new Date()): Promise<PayPeriodView[]> {
  const totals = await periodTotals(reader, periods.map((period) => period.id));
  return periods.map((period) => ({
    id: period.id,
    label: period.label,
    startsOn: day(period.startsOn),
    endsOn: day(period.endsOn),
    timeZone: period.timeZone,
    startsAt: period.startsAt.toISOString(),
    endsAt: period.endsAt.toISOString(),
    status: period.status,
    ended: period.endsAt.getTime() <= now.getTime(),
    closedAt: period.closedAt?.toISOString() ?? null,
    closedBy: period.closedBy?.name ?? null,
    statements: period._count.statements,
    totals: totals.get(period.id) ?? [],
  }));
}
