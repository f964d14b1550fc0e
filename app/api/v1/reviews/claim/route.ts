import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/reviews";
import { claimNextItem } from "@/lib/reviews/claim-next-item";

export const POST = apiHandler(operations.claimNextItem, async ({ viewer, body }) => ({ lease: await claimNextItem(viewer, body) }));
