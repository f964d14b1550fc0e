// API contracts for active time: the heartbeat the editor and the review screen send while someone works.
import { defineOperation } from "@/lib/http/api-operation";
import { heartbeatInputSchema, heartbeatResultSchema } from "@/lib/activity/schemas";

export const recordHeartbeat = defineOperation({
  operationId: "recordHeartbeat",
  method: "POST",
  path: "/api/v1/activity/heartbeats",
  summary:
    "Report active seconds on an item (writing: my draft; reviewing: an item I hold the lease of). Credited at most the wall time since my previous beat of that kind and 90 s; a beat id sent again credits 0.",
  tag: "Activity",
  access: "annotator",
  body: heartbeatInputSchema,
  response: heartbeatResultSchema,
});
