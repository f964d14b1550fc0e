import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/reviews";
import { resolveAdjudication } from "@/lib/reviews/resolve-adjudication";

export const POST = apiHandler(operations.resolveAdjudication, async ({ viewer, params, body }) =>
  resolveAdjudication(viewer, params.adjudicationId, body),
);
