// Validation and API shapes of the productivity report: what a period's query may ask and what the report says.
import { z } from "zod";
import { textSchema } from "@/lib/input-schemas";
import { daysBetween, isIsoDate } from "@/lib/productivity/period";
import { ROLES } from "@/lib/vocabulary";

/** The longest range one report covers: two years of days is still a chart one can read. */
export const MAX_REPORT_DAYS = 731;

const isoDateSchema = textSchema().refine(isIsoDate, { message: "a date written YYYY-MM-DD" });

export const productivityQuerySchema = z
  .object({
    from: isoDateSchema.describe("First day of the period (inclusive), in the programme's time zone."),
    to: isoDateSchema.describe("Last day of the period (inclusive)."),
    campaign: textSchema().min(1).max(100).optional().describe("Only this campaign (its slug)."),
    user: z.uuid().optional().describe("Only this person; everyone when absent for maintainers, oneself for others."),
  })
  .strict()
  .superRefine((query, context) => {
    if (!isIsoDate(query.from) || !isIsoDate(query.to)) return;
    const days = daysBetween(query.from, query.to);
    if (days < 0) context.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    else if (days >= MAX_REPORT_DAYS) context.addIssue({ code: "custom", path: ["to"], message: `at most ${MAX_REPORT_DAYS} days after from` });
  });
export type ProductivityQuery = z.output<typeof productivityQuerySchema>;

/** A sum of money: decimal text with two places ("12.50"), never a floating-point number. */
const moneySchema = z.object({ currency: z.string(), amount: z.string().regex(/^-?\d+\.\d{2}$/) }).meta({ id: "MoneySum" });
export type MoneySum = z.output<typeof moneySchema>;

const figuresShape = {
  submitted: z.number().int().describe("Submissions (revisions sent for review) in the period."),
  approved: z.number().int().describe("Review rounds that ended approved in the period."),
  sentBack: z.number().int().describe("Review rounds that ended with changes requested."),
  rejected: z.number().int(),
  firstPassDecided: z.number().int().describe("First review rounds that ended in the period."),
  firstPassApproved: z.number().int().describe("Of those, the ones approved."),
  firstPassApprovalRate: z.number().nullable().describe("firstPassApproved ÷ firstPassDecided (0–1), null without any."),
  writingSeconds: z.number().int().describe("Active writing time."),
  approvedPerActiveHour: z.number().nullable().describe("approved ÷ active writing hours, null without writing time."),
  itemEarnings: z.array(moneySchema).describe("Earnings for approved items, per currency."),
  retractedPaidItems: z.number().int().describe("Items paid in the period and retracted since: their earning stays."),
  reviews: z.object({ approve: z.number().int(), requestChanges: z.number().int(), reject: z.number().int() }),
  reviewingSeconds: z.number().int().describe("Active reviewing time."),
  reviewEarnings: z.array(moneySchema).describe("Earnings for reviews, per currency."),
};

export const personFiguresSchema = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    ...figuresShape,
  })
  .meta({ id: "PersonProductivity" });
export type PersonFigures = z.output<typeof personFiguresSchema>;

export const totalFiguresSchema = z.object(figuresShape).meta({ id: "ProductivityTotals" });
export type TotalFigures = z.output<typeof totalFiguresSchema>;

export const dailyFiguresSchema = z
  .object({
    date: z.string().describe("A day of the period (YYYY-MM-DD, programme time zone)."),
    approved: z.number().int(),
    reviews: z.number().int(),
    writingSeconds: z.number().int(),
    reviewingSeconds: z.number().int(),
  })
  .meta({ id: "ProductivityDay" });
export type DailyFigures = z.output<typeof dailyFiguresSchema>;

export const productivityReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: z.string().describe("The programme's time zone, where each day begins and ends."),
    campaign: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).nullable(),
    people: z.array(personFiguresSchema).describe("Everyone with figures in the period (or the one person asked for)."),
    totals: totalFiguresSchema,
    days: z.array(dailyFiguresSchema).describe("Every day of the period, for charts."),
  })
  .meta({ id: "ProductivityReport" });
export type ProductivityReport = z.output<typeof productivityReportSchema>;
