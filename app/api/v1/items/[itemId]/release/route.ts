import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/reviews";
import { releaseLease } from "@/lib/reviews/release-lease";

export const POST = apiHandler(operations.releaseLease, async ({ viewer, params }) => releaseLease(viewer, params.itemId));
