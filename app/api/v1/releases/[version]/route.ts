import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/releases";
import { discardRelease } from "@/lib/releases/discard-release";
import { getRelease } from "@/lib/releases/read-releases";

export const GET = apiHandler(operations.getRelease, async ({ viewer, params }) => getRelease(viewer, params.version));
export const DELETE = apiHandler(operations.discardRelease, async ({ viewer, params }) => discardRelease(viewer, params.version));
