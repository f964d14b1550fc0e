import { recordHeartbeat } from "@/lib/activity/record-heartbeat";
import { apiHandler } from "@/lib/http/api-handler";
import * as operations from "@/lib/http/operations/activity";

// The browser sends the last beat of a page with navigator.sendBeacon (a Blob typed application/json): it carries the
// session cookie and Sec-Fetch-Site like fetch does, so the usual same-origin JSON check applies unchanged.
export const POST = apiHandler(operations.recordHeartbeat, async ({ viewer, body }) => recordHeartbeat(viewer, body));
