// API contracts of JSONL imports run in the background: upload a file as a job, then follow its progress and report.
import { z } from "zod";
import { defineOperation } from "@/lib/http/api-operation";
import { createImportJobQuerySchema, importJobSchema } from "@/lib/imports/schemas";

export const createImportJob = defineOperation({
  operationId: "createImportJob",
  method: "POST",
  path: "/api/v1/imports",
  summary:
    "Upload a JSONL file (the body, application/x-ndjson; one item per line) to import into a campaign in the background " +
    "(maintainers). Over ESCRIBA_IMPORT_MAX_BYTES: 413 before it is read. Answers 202 with the job to follow.",
  tag: "Imports",
  access: "maintainer",
  query: createImportJobQuerySchema,
  upload: "application/x-ndjson",
  response: importJobSchema,
  successStatus: 202,
});

export const getImportJob = defineOperation({
  operationId: "getImportJob",
  method: "GET",
  path: "/api/v1/imports/{jobId}",
  summary:
    "An import's progress (bytes read), counts so far and every refused line with its number, field, problem code (with " +
    "the values its wording takes) and the same in English words (maintainers).",
  tag: "Imports",
  access: "maintainer",
  params: z.object({ jobId: z.uuid() }),
  response: importJobSchema,
});
