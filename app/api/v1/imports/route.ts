import { env } from "@/lib/env";
import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/imports";
import { readUpload } from "@/lib/http/read-upload";
import { createImportJob } from "@/lib/imports/import-jobs";

export const POST = apiHandler(operations.createImportJob, async ({ viewer, query, request }) =>
  createImportJob(viewer, query, await readUpload(request, env().ESCRIBA_IMPORT_MAX_BYTES)),
);
