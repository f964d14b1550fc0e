// Validation and API shapes of pay periods, statements and adjustments. Money is a decimal string everywhere.
import { z } from "zod";
import { onceParsed, textSchema } from "@/lib/input-schemas";
import { isMoney, normaliseMoney } from "./money";

/** A label such as 2026-11 or 2026-q4: also a clean URL segment and CLI argument. */
export const periodLabelSchema = textSchema()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { message: "letters, digits, dots, dashes or underscores, such as 2026-11" });

/** A calendar day (YYYY-MM-DD) that exists, in years PostgreSQL and every browser handle alike. */
export const calendarDaySchema = z.iso
  .date({ message: "a date such as 2026-11-30" })
  .refine((value) => value >= "1970-01-01" && value <= "9999-12-31", { message: "a date between 1970 and 9999" });

export const createPayPeriodInputSchema = z
  .object({ label: periodLabelSchema, startsOn: calendarDaySchema, endsOn: calendarDaySchema })
  .strict()
  .superRefine((input, context) => {
    if (input.endsOn < input.startsOn) context.addIssue({ code: "custom", path: ["endsOn"], message: "must not be before startsOn" });
  }, onceParsed("startsOn", "endsOn"))
  .meta({ id: "CreatePayPeriodInput" });

export const closePayPeriodInputSchema = z
  .object({
    closeNow: z
      .boolean()
      .default(false)
      .describe("Close a period that has not ended yet: its end moves to this instant and later earnings fall to the next period."),
  })
  .strict()
  .meta({ id: "ClosePayPeriodInput" });

const currencySchema = textSchema().regex(/^[A-Z]{3}$/, { message: "an ISO 4217 code such as EUR" });

export const createAdjustmentInputSchema = z
  .object({
    periodId: z.uuid(),
    userId: z.uuid(),
    amount: textSchema()
      .transform(normaliseMoney)
      .refine(isMoney, { message: "an amount with at most two decimals, such as -5.00 or 12.50" })
      .refine((amount) => amount !== "0.00", { message: "must not be zero" }),
    currency: currencySchema.default("EUR"),
    reason: textSchema().trim().min(1, { message: "say why" }).max(2000),
  })
  .strict()
  .meta({ id: "CreateAdjustmentInput" });

const moneySchema = z.string().regex(/^-?\d+\.\d{2}$/).describe("A decimal amount, e.g. 12.50 or -5.00.");

export const currencyTotalSchema = z.object({ currency: z.string(), amount: moneySchema }).meta({ id: "CurrencyTotal" });

export const payPeriodSchema = z
  .object({
    id: z.uuid(),
    label: z.string(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    timeZone: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    status: z.enum(["open", "closed"]),
    /** Whether its end has passed, so it may be closed without closing it early. */
    ended: z.boolean(),
    closedAt: z.iso.datetime().nullable(),
    closedBy: z.string().nullable(),
    statements: z.number().int(),
    /** Closed: the statements' totals. Open: what would be paid if it closed now. */
    totals: z.array(currencyTotalSchema),
  })
  .meta({ id: "PayPeriod" });

export const adjustmentSchema = z
  .object({
    id: z.uuid(),
    periodId: z.uuid(),
    userId: z.uuid(),
    personName: z.string(),
    personEmail: z.string(),
    amount: moneySchema,
    currency: z.string(),
    reason: z.string(),
    addedBy: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Adjustment" });

export const statementSummarySchema = z
  .object({
    id: z.uuid(),
    periodId: z.uuid(),
    periodLabel: z.string(),
    userId: z.uuid(),
    personName: z.string(),
    personEmail: z.string(),
    closedAt: z.iso.datetime(),
    lineCount: z.number().int(),
    totals: z.array(currencyTotalSchema),
    csvSha256: z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 of the statement's CSV, fixed when the period closed."),
  })
  .meta({ id: "StatementSummary" });

export const statementLineSchema = z
  .object({
    position: z.number().int(),
    kind: z.enum(["item", "review", "adjustment"]),
    itemId: z.uuid().nullable(),
    reviewId: z.uuid().nullable(),
    occurredAt: z.iso.datetime(),
    campaign: z.string().nullable(),
    rate: moneySchema.nullable(),
    amount: moneySchema,
    currency: z.string(),
    reason: z.string().nullable(),
    addedBy: z.string().nullable(),
    /** Read at view time: the item was retracted after it was paid (the line stays as it was). */
    itemRetractedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "StatementLine" });

export const statementSchema = statementSummarySchema
  .extend({ periodStartsOn: z.iso.date(), periodEndsOn: z.iso.date(), timeZone: z.string(), lines: z.array(statementLineSchema) })
  .meta({ id: "Statement" });

export type CreatePayPeriodInput = z.input<typeof createPayPeriodInputSchema>;
export type CreateAdjustmentInput = z.input<typeof createAdjustmentInputSchema>;
export type PayPeriodView = z.infer<typeof payPeriodSchema>;
export type AdjustmentView = z.infer<typeof adjustmentSchema>;
export type StatementSummaryView = z.infer<typeof statementSummarySchema>;
export type StatementView = z.infer<typeof statementSchema>;
export type StatementLineView = z.infer<typeof statementLineSchema>;
