// Every kind of background job escriba runs, by name.
import { IMPORT_ITEMS_TASK, runImportJob } from "@/lib/imports/import-jobs";
import type { JobHandlers } from "@/lib/jobs/job-queue";
import { buildRelease } from "@/lib/releases/build-release";
import { BUILD_RELEASE_TASK } from "@/lib/releases/release-jobs";

export const JOB_HANDLERS: JobHandlers = {
  [BUILD_RELEASE_TASK]: async (payload) => {
    await buildRelease(payload);
  },
  [IMPORT_ITEMS_TASK]: runImportJob,
};
