import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/releases";
import { retryReleaseBuild } from "@/lib/releases/retry-release-build";

export const POST = apiHandler(operations.retryReleaseBuild, async ({ viewer, params }) => retryReleaseBuild(viewer, params.version));
