// API contracts for pay: periods (maintainers create and close them), frozen statements (a person reads their own,
// maintainers everyone's) with CSV downloads, and adjustments into open periods.
import { z } from "zod";
import { defineOperation } from "@/lib/http/api-operation";
import {
  adjustmentSchema,
  closePayPeriodInputSchema,
  createAdjustmentInputSchema,
  createPayPeriodInputSchema,
  payPeriodSchema,
  statementSchema,
  statementSummarySchema,
} from "@/lib/pay/schemas";

const periodParams = z.object({ periodId: z.uuid() });
const statementParams = z.object({ statementId: z.uuid() });

export const listPayPeriods = defineOperation({
  operationId: "listPayPeriods",
  method: "GET",
  path: "/api/v1/pay-periods",
  summary: "Pay periods, newest first, with status and totals per currency (maintainers).",
  tag: "Pay",
  access: "maintainer",
  response: z.object({ periods: z.array(payPeriodSchema) }).meta({ id: "PayPeriodList" }),
});

export const createPayPeriod = defineOperation({
  operationId: "createPayPeriod",
  method: "POST",
  path: "/api/v1/pay-periods",
  summary: "Create a pay period of whole days in the programme's time zone; periods never overlap (maintainers).",
  tag: "Pay",
  access: "maintainer",
  body: createPayPeriodInputSchema,
  response: payPeriodSchema,
  successStatus: 201,
});

export const getPayPeriod = defineOperation({
  operationId: "getPayPeriod",
  method: "GET",
  path: "/api/v1/pay-periods/{periodId}",
  summary: "One pay period with its status and totals (maintainers).",
  tag: "Pay",
  access: "maintainer",
  params: periodParams,
  response: payPeriodSchema,
});

export const closePayPeriod = defineOperation({
  operationId: "closePayPeriod",
  method: "POST",
  path: "/api/v1/pay-periods/{periodId}/close",
  summary:
    "Close a pay period that has ended (or now, with closeNow): one frozen statement per person with anything to be paid. Only once (maintainers).",
  tag: "Pay",
  access: "maintainer",
  params: periodParams,
  body: closePayPeriodInputSchema,
  response: payPeriodSchema,
});

export const listPeriodStatements = defineOperation({
  operationId: "listPeriodStatements",
  method: "GET",
  path: "/api/v1/pay-periods/{periodId}/statements",
  summary: "Every statement of a closed period, with totals and the SHA-256 of each CSV (maintainers).",
  tag: "Pay",
  access: "maintainer",
  params: periodParams,
  response: z.object({ statements: z.array(statementSummarySchema) }).meta({ id: "StatementList" }),
});

export const downloadPeriodStatements = defineOperation({
  operationId: "downloadPeriodStatements",
  method: "GET",
  path: "/api/v1/pay-periods/{periodId}/statements/csv",
  summary: "Everyone's statements of a period as one CSV file; its SHA-256 is in ETag and X-Checksum-SHA256 (maintainers).",
  tag: "Pay",
  access: "maintainer",
  params: periodParams,
  response: z.string(),
  download: "text/csv",
});

export const listAdjustments = defineOperation({
  operationId: "listAdjustments",
  method: "GET",
  path: "/api/v1/pay-periods/{periodId}/adjustments",
  summary: "The adjustment lines of a period (maintainers).",
  tag: "Pay",
  access: "maintainer",
  params: periodParams,
  response: z.object({ adjustments: z.array(adjustmentSchema) }).meta({ id: "AdjustmentList" }),
});

export const createAdjustment = defineOperation({
  operationId: "createAdjustment",
  method: "POST",
  path: "/api/v1/adjustments",
  summary: "Add an adjustment (amount, may be negative; reason) to a person's pay in an open period (maintainers).",
  tag: "Pay",
  access: "maintainer",
  body: createAdjustmentInputSchema,
  response: adjustmentSchema,
  successStatus: 201,
});

export const listStatements = defineOperation({
  operationId: "listStatements",
  method: "GET",
  path: "/api/v1/statements",
  summary: "Statements: your own; maintainers may ask for anyone's (userId) or a period's (periodId).",
  tag: "Pay",
  access: "annotator",
  query: z.object({ userId: z.uuid().optional(), periodId: z.uuid().optional() }).strict(),
  response: z.object({ statements: z.array(statementSummarySchema) }).meta({ id: "MyStatementList" }),
});

export const getStatement = defineOperation({
  operationId: "getStatement",
  method: "GET",
  path: "/api/v1/statements/{statementId}",
  summary: "One statement with every line and its totals (your own; maintainers any).",
  tag: "Pay",
  access: "annotator",
  params: statementParams,
  response: statementSchema,
});

export const downloadStatement = defineOperation({
  operationId: "downloadStatement",
  method: "GET",
  path: "/api/v1/statements/{statementId}/csv",
  summary: "One statement as CSV, the same bytes as when its period closed; SHA-256 in ETag and X-Checksum-SHA256.",
  tag: "Pay",
  access: "annotator",
  params: statementParams,
  response: z.string(),
  download: "text/csv",
});
