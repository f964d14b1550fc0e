// API contracts for the health checks that load balancers and orchestrators poll: public, cheap, never cached.
import { defineOperation } from "@/lib/http/api-operation";
import { livenessSchema, readinessSchema } from "@/lib/health/schemas";

export const getLiveness = defineOperation({
  operationId: "getLiveness",
  method: "GET",
  path: "/api/health/live",
  summary: "The process is up and answering; touches nothing else (restart the process if this fails).",
  tag: "Health",
  access: "public",
  response: livenessSchema,
  errorStatuses: [],
});

export const getReadiness = defineOperation({
  operationId: "getReadiness",
  method: "GET",
  path: "/api/health/ready",
  summary:
    "The process can serve: the database answers, every migration is applied, its job workers run. 503 names the failed checks in error.details.checks.",
  tag: "Health",
  access: "public",
  response: readinessSchema,
  errorStatuses: ["503"],
});
