import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/reviews";
import { returnToQueue } from "@/lib/reviews/return-to-queue";

export const POST = apiHandler(operations.releaseLease, async ({ viewer, params }) => returnToQueue(viewer, params.itemId));
