import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/reviews";
import { listOpenAdjudications } from "@/lib/reviews/list-open-adjudications";

export const GET = apiHandler(operations.listAdjudications, async ({ viewer }) => ({
  adjudications: await listOpenAdjudications(viewer),
}));
