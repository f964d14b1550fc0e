import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/review-quality";
import { myReviewQuality } from "@/lib/review-quality/my-review-quality";

export const GET = apiHandler(operations.getMyReviewQuality, async ({ viewer }) => myReviewQuality(viewer));
