// Maintainers create pay periods: whole days in the programme's time zone (recorded with the period), never
// overlapping another period, with a unique label.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PAY_PERIOD_VIEW_INCLUDE, toPayPeriodViews } from "./pay-period-view";
import { createPayPeriodInputSchema, type PayPeriodView } from "./schemas";

/** The instants a period of whole days covers: [midnight of its first day, midnight after its last day). */
async function instantsOf(tx: Prisma.TransactionClient, startsOn: string, endsOn: string, timeZone: string) {
  const [row] = await tx.$queryRaw<{ starts_at: Date; ends_at: Date }[]>`
    SELECT (${startsOn}::date::timestamp AT TIME ZONE ${timeZone}) AS starts_at,
           ((${endsOn}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AS ends_at`;
  return { startsAt: row!.starts_at, endsAt: row!.ends_at };
}

function overlapError(other: { label: string; startsAt: Date; endsAt: Date }, field: "startsOn" | "endsOn") {
  return new AppError("conflict", `The period would overlap pay period ${other.label}.`, {
    fields: [{ field, message: `overlaps pay period ${other.label}` }],
    details: { overlaps: other.label },
  });
}

export async function createPayPeriod(actor: Viewer, input: z.input<typeof createPayPeriodInputSchema>): Promise<PayPeriodView> {
  assertRole(actor, "maintainer");
  const { label, startsOn, endsOn } = createPayPeriodInputSchema.parse(input);
  const timeZone = env().ESCRIBA_PROGRAMME_TIME_ZONE;
  return db()
    .$transaction(async (tx) => {
      const days = await instantsOf(tx, startsOn, endsOn, timeZone);
      let startsAt = days.startsAt;
      // A period closed early ends at its closing instant, inside its last day; one that begins on that day begins at
      // that instant, so whatever was earned after the closing belongs to the new period and nothing to two.
      const closedEarly = await tx.payPeriod.findFirst({
        where: { status: "closed", endsAt: { gt: days.startsAt, lt: days.endsAt } },
        orderBy: { endsAt: "desc" },
        select: { endsAt: true, endsOn: true },
      });
      if (closedEarly && closedEarly.endsOn.toISOString().slice(0, 10) === startsOn) startsAt = closedEarly.endsAt;
      const overlapping = await tx.payPeriod.findFirst({
        where: { startsAt: { lt: days.endsAt }, endsAt: { gt: startsAt } },
        orderBy: { startsAt: "asc" },
        select: { label: true, startsAt: true, endsAt: true },
      });
      if (overlapping) throw overlapError(overlapping, overlapping.startsAt <= startsAt ? "startsOn" : "endsOn");
      const created = await tx.payPeriod.create({
        data: { label, startsOn: new Date(startsOn), endsOn: new Date(endsOn), timeZone, startsAt, endsAt: days.endsAt, createdById: actor.id },
        include: PAY_PERIOD_VIEW_INCLUDE,
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "pay_period.created",
        subjectType: "pay_period",
        subjectId: created.id,
        payload: { label, startsOn, endsOn, timeZone },
      });
      const [view] = await toPayPeriodViews(tx, [created]);
      return view!;
    })
    .catch((error: unknown) => {
      const code = (error as { code?: string }).code;
      if (code === "P2002") {
        throw new AppError("conflict", `Pay period ${label} already exists.`, { fields: [{ field: "label", message: "already used" }] });
      }
      // Two maintainers creating overlapping periods at once: the exclusion constraint decides.
      if (code === "23P01" || String((error as Error).message).includes("pay_periods_no_overlap")) {
        throw new AppError("conflict", "The period would overlap another pay period.", {
          fields: [{ field: "startsOn", message: "overlaps another pay period" }],
        });
      }
      throw error;
    });
}
