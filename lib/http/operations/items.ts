// API contracts for writing items: drafts, saves with a base version, submission, listing, live checks.
import { z } from "zod";
import {
  createDraftInputSchema,
  createdDraftSchema,
  deleteDraftQuerySchema,
  itemListSchema,
  itemSchema,
  listMyItemsQuerySchema,
  submitItemInputSchema,
  submitResultSchema,
  updateDraftInputSchema,
} from "@/lib/items/schemas";
import { defineOperation } from "@/lib/http/api-operation";
import { draftCheckInputSchema, qualityReportSchema } from "@/lib/quality/schemas";

const itemParams = z.object({ itemId: z.uuid() });

export const listMyItems = defineOperation({
  operationId: "listMyItems",
  method: "GET",
  path: "/api/v1/items",
  summary: "My items, newest change first; filter by status, language, category; paginate with nextCursor.",
  tag: "Items",
  access: "annotator",
  query: listMyItemsQuerySchema,
  response: itemListSchema,
});

export const createDraft = defineOperation({
  operationId: "createDraft",
  method: "POST",
  path: "/api/v1/items",
  summary:
    "Start a draft in a campaign, in a language I am qualified for. When the cell's quota is full: with hard quotas 409 " +
    "(error.details.reason quota_full, with language, category, target, filled); with soft quotas the draft is created and `warnings` says so.",
  tag: "Items",
  access: "annotator",
  body: createDraftInputSchema,
  response: createdDraftSchema,
  successStatus: 201,
});

export const getItem = defineOperation({
  operationId: "getItem",
  method: "GET",
  path: "/api/v1/items/{itemId}",
  summary: "One item (my own, or one I may review).",
  tag: "Items",
  access: "annotator",
  params: itemParams,
  response: itemSchema,
});

export const updateDraft = defineOperation({
  operationId: "updateDraft",
  method: "PATCH",
  path: "/api/v1/items/{itemId}",
  summary: "Save my draft (or my item sent back). Send the version it is based on; a stale one gets 409 with the current item in error.details.current.",
  tag: "Items",
  access: "annotator",
  params: itemParams,
  body: updateDraftInputSchema,
  response: itemSchema,
});

export const deleteDraft = defineOperation({
  operationId: "deleteDraft",
  method: "DELETE",
  path: "/api/v1/items/{itemId}",
  summary: "Delete a draft that was never submitted (?version=N).",
  tag: "Items",
  access: "annotator",
  params: itemParams,
  query: deleteDraftQuerySchema,
  response: z.object({ id: z.uuid(), deleted: z.literal(true) }),
});

export const submitItem = defineOperation({
  operationId: "submitItem",
  method: "POST",
  path: "/api/v1/items/{itemId}/submit",
  summary: "Submit for review. Blocking quality problems give 422 with the report in error.details.quality.",
  tag: "Items",
  access: "annotator",
  params: itemParams,
  body: submitItemInputSchema,
  response: submitResultSchema,
});

export const checkDraft = defineOperation({
  operationId: "checkDraft",
  method: "POST",
  path: "/api/v1/quality/check",
  summary: "Live quality hints for unsaved text (language, PII, shape); stores nothing.",
  tag: "Quality",
  access: "annotator",
  body: draftCheckInputSchema,
  response: qualityReportSchema,
});
