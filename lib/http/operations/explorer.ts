// API contracts of the item explorer: search with filters and a cursor, counts, and bulk actions on a selection.
import { z } from "zod";
import { defineOperation } from "@/lib/http/api-operation";
import {
  bulkRetractInputSchema,
  bulkRetractResultSchema,
  explorerCountsQuerySchema,
  explorerCountsSchema,
  explorerExportQuerySchema,
  explorerPageSchema,
  explorerQuerySchema,
} from "@/lib/explorer/schemas";

export const searchItems = defineOperation({
  operationId: "searchItems",
  method: "GET",
  path: "/api/v1/explorer/items",
  summary:
    "Find items (maintainers: all; reviewers: those of their languages that are not drafts): full-text search in each item's " +
    "language, accents ignored, plus filters; newest first by default; paginate with nextCursor.",
  tag: "Explorer",
  access: "reviewer",
  query: explorerQuerySchema,
  response: explorerPageSchema,
});

export const countItems = defineOperation({
  operationId: "countItems",
  method: "GET",
  path: "/api/v1/explorer/counts",
  summary: "How many items the filters find, and per value of each filter given the others.",
  tag: "Explorer",
  access: "reviewer",
  query: explorerCountsQuerySchema,
  response: explorerCountsSchema,
});

export const exportItems = defineOperation({
  operationId: "exportItems",
  method: "GET",
  path: "/api/v1/explorer/export",
  summary: "Every item the filters find (or the ticked ids) as JSONL or CSV, streamed in id order, any size (maintainers).",
  tag: "Explorer",
  access: "maintainer",
  query: explorerExportQuerySchema,
  response: z.string(),
  download: "application/x-ndjson",
});

export const retractItems = defineOperation({
  operationId: "retractItems",
  method: "POST",
  path: "/api/v1/explorer/retract",
  summary: "Retract every approved item of a selection with one reason, each audited like a single retraction (maintainers).",
  tag: "Explorer",
  access: "maintainer",
  body: bulkRetractInputSchema,
  response: bulkRetractResultSchema,
});
