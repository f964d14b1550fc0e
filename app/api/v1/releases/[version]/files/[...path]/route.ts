import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/releases";
import { downloadResponse, openReleaseFile } from "@/lib/releases/release-file-download";

export const GET = apiHandler(operations.downloadReleaseFile, async ({ viewer, params }) =>
  downloadResponse(await openReleaseFile(viewer, params.version, params.path), params.version),
);
