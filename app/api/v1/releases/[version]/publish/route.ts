import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/releases";
import { publishRelease } from "@/lib/releases/publish-release";

export const POST = apiHandler(operations.publishRelease, async ({ viewer, params }) => publishRelease(viewer, params.version));
