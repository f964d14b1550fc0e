import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/review-quality";
import { agreementReport } from "@/lib/review-quality/agreement-report";

export const GET = apiHandler(operations.getAgreementReport, async ({ viewer, query }) => agreementReport(viewer, query));
