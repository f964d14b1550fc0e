// Shapes of the health endpoints: liveness (the process answers) and readiness (it can do its work).
import { z } from "zod";

export const livenessSchema = z.object({ status: z.literal("ok") }).meta({ id: "Liveness" });

export const readinessCheckSchema = z.object({
  ok: z.boolean(),
  /** What was found, e.g. "3 of 24 migrations missing" or "not run by this process". */
  detail: z.string(),
});

export const readinessChecksSchema = z
  .object({ database: readinessCheckSchema, migrations: readinessCheckSchema, jobWorkers: readinessCheckSchema })
  .meta({ id: "ReadinessChecks" });

export const readinessSchema = z
  .object({ status: z.literal("ready"), checks: readinessChecksSchema })
  .meta({ id: "Readiness" });

export type ReadinessChecks = z.infer<typeof readinessChecksSchema>;
