// API contract of the Prometheus metrics: not a user's resource, so its own bearer token rather than a session.
import { z } from "zod";
import { defineOperation } from "@/lib/http/api-operation";

export const getMetrics = defineOperation({
  operationId: "getMetrics",
  method: "GET",
  path: "/api/metrics",
  summary:
    "Prometheus metrics of the process that answers (text exposition format). Needs `Authorization: Bearer <ESCRIBA_METRICS_TOKEN>`: 404 when no token is configured, 401 for a missing or wrong one.",
  tag: "Health",
  access: "public",
  response: z.string(),
  download: "text/plain; version=0.0.4; charset=utf-8",
  errorStatuses: ["404"],
});
