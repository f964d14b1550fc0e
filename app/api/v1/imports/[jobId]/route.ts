import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/imports";
import { getImportJob } from "@/lib/imports/import-jobs";

export const GET = apiHandler(operations.getImportJob, async ({ viewer, params }) => getImportJob(viewer, params.jobId));
