// API contracts for review quality: gold items (maintainers), the agreement report (maintainers, JSON or CSV) and a
// reviewer's own figures. Campaigns' gold and second-review rates are campaign settings (updateCampaign).
import { z } from "zod";
import { defineOperation } from "@/lib/http/api-operation";
import {
  agreementQuerySchema,
  agreementReportSchema,
  goldItemSchema,
  markGoldInputSchema,
  myReviewQualitySchema,
} from "@/lib/review-quality/schemas";

const itemParams = z.object({ itemId: z.uuid() });

export const markGoldItem = defineOperation({
  operationId: "markGoldItem",
  method: "PUT",
  path: "/api/v1/items/{itemId}/gold",
  summary:
    "Mark an approved item as gold (or change its expectation): the decision expected, optionally the range every rubric score should fall in, and an explanation shown to reviewers who miss it. Not approved: 409.",
  tag: "Review quality",
  access: "maintainer",
  params: itemParams,
  body: markGoldInputSchema,
  response: goldItemSchema,
});

export const unmarkGoldItem = defineOperation({
  operationId: "unmarkGoldItem",
  method: "DELETE",
  path: "/api/v1/items/{itemId}/gold",
  summary: "Stop using an item as gold; answers already given stay in the figures. Not gold: 404.",
  tag: "Review quality",
  access: "maintainer",
  params: itemParams,
  response: z.object({ itemId: z.uuid(), gold: z.literal(false) }).meta({ id: "GoldItemRemoved" }),
});

export const getAgreementReport = defineOperation({
  operationId: "getAgreementReport",
  method: "GET",
  path: "/api/v1/reports/agreement",
  summary:
    "Reviewer agreement (percent agreement and Cohen's κ on approve versus not, Krippendorff's α per rubric criterion, 95 % bootstrap intervals, items behind each) overall and per language, reviewer, reviewer pair, guideline version and month; first-round approval rates; gold accuracy.",
  tag: "Review quality",
  access: "maintainer",
  query: agreementQuerySchema,
  response: agreementReportSchema,
});

export const exportAgreementReport = defineOperation({
  operationId: "exportAgreementReport",
  method: "GET",
  path: "/api/v1/reports/agreement/export",
  summary: "The agreement figures as CSV, one row per group and figure (text cells safe against spreadsheet formulas).",
  tag: "Review quality",
  access: "maintainer",
  query: agreementQuerySchema,
  response: z.string(),
  download: "text/csv",
});

export const getMyReviewQuality = defineOperation({
  operationId: "getMyReviewQuality",
  method: "GET",
  path: "/api/v1/me/review-quality",
  summary: "My gold accuracy, my agreement with peers on the same items, and the gold items I missed with their explanations.",
  tag: "Review quality",
  access: "reviewer",
  response: myReviewQualitySchema,
});
