import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/releases";
import { createRelease } from "@/lib/releases/create-release";
import { listReleases } from "@/lib/releases/read-releases";

export const GET = apiHandler(operations.listReleases, async ({ viewer }) => ({ releases: await listReleases(viewer) }));
export const POST = apiHandler(operations.createRelease, async ({ viewer, body }) => createRelease(viewer, body));
