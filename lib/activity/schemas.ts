// Validation and API shapes for active time: the heartbeat the editor and the review screen send.
import { z } from "zod";
import { int32Schema } from "@/lib/input-schemas";
import { MAX_CLAIMED_SECONDS } from "@/lib/activity/heartbeat-rules";

export const activityKindSchema = z.enum(["writing", "reviewing"]);

export const heartbeatInputSchema = z
  .object({
    kind: activityKindSchema.describe("writing: the editor of my draft; reviewing: the review screen of an item I hold the lease of."),
    itemId: z.uuid(),
    beatId: z.uuid().describe("Chosen by the client, once per beat; sending the same beat again credits nothing more."),
    seconds: int32Schema()
      .min(0)
      .max(MAX_CLAIMED_SECONDS)
      .describe("Active seconds counted since the last acknowledged beat. The server credits at most the wall time since my previous accepted beat of this kind, and at most 90."),
  })
  .strict()
  .meta({ id: "HeartbeatInput" });

export const heartbeatResultSchema = z
  .object({
    beatId: z.uuid(),
    credited: z.number().int().describe("Seconds added to my active time (0 for a beat already counted)."),
    duplicate: z.boolean().describe("This beat was already counted."),
  })
  .meta({ id: "HeartbeatResult" });

export type HeartbeatInput = z.input<typeof heartbeatInputSchema>;
export type HeartbeatResult = z.infer<typeof heartbeatResultSchema>;
