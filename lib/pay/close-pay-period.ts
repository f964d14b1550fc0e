// Closing a pay period: in one transaction, one frozen statement per person with anything to be paid (every ledger
// line earned inside the period — or earlier and left unpaid — and on no other statement, plus the period's
// adjustments), each with the SHA-256 of
// its CSV; then the period is closed for good (the database refuses any later change: see the pay_periods migration).
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PAY_PERIOD_VIEW_INCLUDE, toPayPeriodViews } from "./pay-period-view";
import { closePayPeriodInputSchema, type PayPeriodView } from "./schemas";
import { sha256Hex, statementsCsv, type CsvStatementLine } from "./statement-csv";

/** Closing reads and writes every line of a period at once; it may take longer than an ordinary request. */
const CLOSING_TIMEOUT_MS = 120_000;

const KIND_ORDER = { item: 0, review: 1, adjustment: 2 } as const;

type PendingLine = Omit<CsvStatementLine, "position"> & { earningId: string | null; adjustmentId: string | null; sortKey: string };

async function pendingLines(tx: Prisma.TransactionClient, period: { id: string; startsAt: Date; endsAt: Date }) {
  // Approvals that were running while the table lock below was being taken commit with an earlier earned_at than the
  // close; so a statement also sweeps up every unpaid line earned before its end that no other open period covers
  // (late lines of closed periods, gaps between periods), and nothing earned is ever left unpaid.
  await tx.$executeRaw`LOCK TABLE earnings IN SHARE MODE`;
  const unpaid = await tx.$queryRaw<{ id: string }[]>`
    SELECT e.id::text FROM earnings e
     WHERE e.earned_at < ${period.endsAt}
       AND NOT EXISTS (SELECT 1 FROM statement_lines l WHERE l.earning_id = e.id)
       AND (e.earned_at >= ${period.startsAt} OR NOT EXISTS (
             SELECT 1 FROM pay_periods o
              WHERE o.status = 'open' AND o.id <> ${period.id}::uuid AND e.earned_at >= o.starts_at AND e.earned_at < o.ends_at))`;
  const earnings = await tx.earning.findMany({ where: { id: { in: unpaid.map((row) => row.id) } } });
  const campaigns = await tx.campaign.findMany({
    where: { id: { in: [...new Set(earnings.map((earning) => earning.campaignId))] } },
    select: { id: true, slug: true },
  });
  const slugOf = new Map(campaigns.map((campaign) => [campaign.id, campaign.slug]));
  const adjustments = await tx.adjustment.findMany({ where: { periodId: period.id }, include: { createdBy: { select: { email: true } } } });
  const byUser = new Map<string, PendingLine[]>();
  const add = (userId: string, line: PendingLine) => byUser.set(userId, [...(byUser.get(userId) ?? []), line]);
  for (const earning of earnings) {
    const amount = earning.amount.toFixed(2);
    add(earning.userId, {
      kind: earning.kind,
      earningId: earning.id,
      adjustmentId: null,
      itemId: earning.itemId,
      reviewId: earning.kind === "review" ? earning.subjectId : null,
      occurredAt: earning.earnedAt,
      campaign: slugOf.get(earning.campaignId) ?? null,
      // Each ledger line pays one unit (an item, a review) at the rate of its moment.
      rate: amount,
      amount,
      currency: earning.currency,
      reason: null,
      addedBy: null,
      sortKey: earning.id,
    });
  }
  for (const adjustment of adjustments) {
    add(adjustment.userId, {
      kind: "adjustment",
      earningId: null,
      adjustmentId: adjustment.id,
      itemId: null,
      reviewId: null,
      occurredAt: adjustment.createdAt,
      campaign: null,
      rate: null,
      amount: adjustment.amount.toFixed(2),
      currency: adjustment.currency,
      reason: adjustment.reason,
      addedBy: adjustment.createdBy.email,
      sortKey: adjustment.id,
    });
  }
  return byUser;
}

/** Lines in a fixed order: by date, then kind, then id. */
function ordered(lines: PendingLine[]): PendingLine[] {
  return [...lines].sort(
    (a, b) =>
      a.occurredAt.getTime() - b.occurredAt.getTime() ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0),
  );
}

export async function closePayPeriod(
  actor: Viewer,
  periodId: string,
  input: z.input<typeof closePayPeriodInputSchema> = {},
): Promise<PayPeriodView> {
  assertRole(actor, "maintainer");
  const { closeNow } = closePayPeriodInputSchema.parse(input);
  return db().$transaction(
    async (tx) => {
      // Holding the period's row makes a second closing, and an adjustment added meanwhile, wait for this one.
      await tx.$queryRaw`SELECT id FROM pay_periods WHERE id = ${periodId}::uuid FOR UPDATE`;
      const period = await tx.payPeriod.findUnique({ where: { id: periodId } });
      if (!period) throw notFound("Pay period");
      if (period.status === "closed") {
        throw new AppError("conflict", `Pay period ${period.label} is already closed.`, {
          fields: [{ field: "periodId", message: `pay period ${period.label} is already closed` }],
          details: { period: period.label, closedAt: period.closedAt?.toISOString() },
        });
      }
      const now = new Date();
      let endsAt = period.endsAt;
      if (endsAt > now) {
        if (!closeNow) {
          throw new AppError("conflict", `Pay period ${period.label} has not ended yet (it ends at ${endsAt.toISOString()}); close it early only on purpose.`, {
            fields: [{ field: "closeNow", message: "the period has not ended; set closeNow to end it at this instant" }],
            details: { period: period.label, endsAt: endsAt.toISOString() },
          });
        }
        if (period.startsAt >= now) {
          throw new AppError("conflict", `Pay period ${period.label} has not begun yet.`, {
            fields: [{ field: "periodId", message: "has not begun" }],
            details: { period: period.label, startsAt: period.startsAt.toISOString() },
          });
        }
        // Closing early: the period ends now, and what is earned from now on falls to the next period.
        endsAt = now;
      }
      const byUser = await pendingLines(tx, { id: period.id, startsAt: period.startsAt, endsAt });
      const people = await tx.user.findMany({ where: { id: { in: [...byUser.keys()] } }, select: { id: true, name: true, email: true } });
      people.sort((a, b) => (a.email < b.email ? -1 : 1));
      for (const person of people) {
        const lines = ordered(byUser.get(person.id)!).map((line, index) => ({ ...line, position: index + 1 }));
        const statementId = randomUUID();
        const csv = statementsCsv([{ periodLabel: period.label, personName: person.name, personEmail: person.email, lines }]);
        await tx.statement.create({
          data: {
            id: statementId,
            periodId: period.id,
            userId: person.id,
            personName: person.name,
            personEmail: person.email,
            csvSha256: sha256Hex(csv),
            createdAt: now,
          },
        });
        await tx.statementLine.createMany({
          data: lines.map((line) => ({
            statementId,
            position: line.position,
            kind: line.kind,
            earningId: line.earningId,
            adjustmentId: line.adjustmentId,
            itemId: line.itemId,
            reviewId: line.reviewId,
            occurredAt: line.occurredAt,
            campaignSlug: line.campaign,
            rate: line.rate,
            amount: line.amount,
            currency: line.currency,
            reason: line.reason,
            addedByEmail: line.addedBy,
          })),
        });
      }
      const [localDay] = await tx.$queryRaw<{ day: string }[]>`
        SELECT ((${endsAt}::timestamptz - interval '1 millisecond') AT TIME ZONE ${period.timeZone})::date::text AS day`;
      const closed = await tx.payPeriod.update({
        where: { id: period.id },
        data: { status: "closed", closedAt: now, closedById: actor.id, endsAt, endsOn: new Date(localDay!.day) },
        include: PAY_PERIOD_VIEW_INCLUDE,
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "pay_period.closed",
        subjectType: "pay_period",
        subjectId: period.id,
        payload: { label: period.label, statements: people.length, early: endsAt.getTime() !== period.endsAt.getTime() },
      });
      const [view] = await toPayPeriodViews(tx, [closed], now);
      return view!;
    },
    { timeout: CLOSING_TIMEOUT_MS },
  );
}
