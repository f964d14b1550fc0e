// API contracts for reviewing: claim, return to the queue, decide, history and maintainers' adjudication.
import { z } from "zod";
import { defineOperation } from "@/lib/http/api-operation";
import { itemSchema } from "@/lib/items/schemas";
import {
  adjudicationSchema,
  claimInputSchema,
  decideInputSchema,
  decisionResultSchema,
  itemHistorySchema,
  leaseSchema,
  resolveAdjudicationInputSchema,
} from "@/lib/reviews/schemas";

const itemParams = z.object({ itemId: z.uuid() });

export const claimNextItem = defineOperation({
  operationId: "claimNextItem",
  method: "POST",
  path: "/api/v1/reviews/claim",
  summary:
    "Lease the oldest submitted item I may review (not mine, not already reviewed by me this round). Returns the lease I already hold, if any; `lease: null` when the queue is empty.",
  tag: "Reviews",
  access: "reviewer",
  body: claimInputSchema,
  response: z.object({ lease: leaseSchema.nullable() }).meta({ id: "ClaimResult" }),
});

const returnedSchema = z.object({ returned: z.literal(true) }).meta({ id: "ReturnedToQueue" });

export const returnToQueue = defineOperation({
  operationId: "returnToQueue",
  method: "POST",
  path: "/api/v1/items/{itemId}/return-to-queue",
  summary: "Give a leased item back to the review queue without deciding.",
  tag: "Reviews",
  access: "reviewer",
  params: itemParams,
  response: returnedSchema,
});

/** The old name of returnToQueue ("release" now means a dataset release); answers the same for one more version. */
export const releaseLease = defineOperation({
  ...returnToQueue,
  operationId: "releaseLease",
  path: "/api/v1/items/{itemId}/release",
  summary: "Deprecated: use POST /api/v1/items/{itemId}/return-to-queue. Gives a leased item back to the queue.",
  deprecated: true,
});

export const decideReview = defineOperation({
  operationId: "decideReview",
  method: "POST",
  path: "/api/v1/items/{itemId}/reviews",
  summary:
    "Approve, request changes or reject a leased item, with rubric scores (1–5), a comment, cited guideline clauses and optional edits. Without a valid lease or with a stale version: 409.",
  tag: "Reviews",
  access: "reviewer",
  params: itemParams,
  body: decideInputSchema,
  response: decisionResultSchema,
  successStatus: 201,
});

export const getItemHistory = defineOperation({
  operationId: "getItemHistory",
  method: "GET",
  path: "/api/v1/items/{itemId}/history",
  summary: "Revisions (with quality reports) and reviews of an item, for its author and its reviewers.",
  tag: "Reviews",
  access: "annotator",
  params: itemParams,
  response: itemHistorySchema,
});

export const listAdjudications = defineOperation({
  operationId: "listAdjudications",
  method: "GET",
  path: "/api/v1/adjudications",
  summary: "Disputed items waiting for a maintainer's decision.",
  tag: "Reviews",
  access: "maintainer",
  response: z.object({ adjudications: z.array(adjudicationSchema) }).meta({ id: "AdjudicationList" }),
});

export const resolveAdjudication = defineOperation({
  operationId: "resolveAdjudication",
  method: "POST",
  path: "/api/v1/adjudications/{adjudicationId}/resolve",
  summary: "Decide a disputed item for good: approve or reject.",
  tag: "Reviews",
  access: "maintainer",
  params: z.object({ adjudicationId: z.uuid() }),
  body: resolveAdjudicationInputSchema,
  response: itemSchema,
});
