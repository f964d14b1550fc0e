import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/reviews";
import { decideReview } from "@/lib/reviews/decide-review";

export const POST = apiHandler(operations.decideReview, async ({ viewer, params, body }) => decideReview(viewer, params.itemId, body));
