// Maintainers list the pay periods, newest first, with status and totals; or look at one.
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { PAY_PERIOD_VIEW_INCLUDE, toPayPeriodViews } from "./pay-period-view";
import type { PayPeriodView } from "./schemas";

export async function listPayPeriods(viewer: Viewer): Promise<PayPeriodView[]> {
  assertRole(viewer, "maintainer");
  const periods = await db().payPeriod.findMany({ orderBy: { startsAt: "desc" }, include: PAY_PERIOD_VIEW_INCLUDE });
  return toPayPeriodViews(db(), periods);
}

export async function getPayPeriod(viewer: Viewer, periodId: string): Promise<PayPeriodView> {
  assertRole(viewer, "maintainer");
  if (!isUuid(periodId)) throw notFound("Pay period");
  const period = await db().payPeriod.findUnique({ where: { id: periodId }, include: PAY_PERIOD_VIEW_INCLUDE });
  if (!period) throw notFound("Pay period");
  const [view] = await toPayPeriodViews(db(), [period]);
  return view!;
}

/** The CLI names periods by label. */
export async function findPayPeriodIdByLabel(label: string): Promise<string | null> {
  const period = await db().payPeriod.findUnique({ where: { label }, select: { id: true } });
  return period?.id ?? null;
}
