// What releases look like at the edges: the input to create one and the view every shell returns.
import { z } from "zod";
import { textSchema } from "@/lib/input-schemas";
import { languageSchema } from "@/lib/vocabulary";

/** Semantic versions without build metadata ("+…"), so a version is also a clean URL segment. */
export const releaseVersionSchema = textSchema()
  .max(64)
  .regex(
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/,
    "must be a semantic version such as 1.0.0 or 1.1.0-rc.1",
  );

/** Licence identifiers as Hugging Face dataset cards spell them. */
export const RELEASE_LICENSES = ["cc-by-4.0", "cc-by-sa-4.0", "cc0-1.0", "odc-by", "apache-2.0", "mit"] as const;
export const releaseLicenseSchema = z.enum(RELEASE_LICENSES);

export const createReleaseInputSchema = z
  .object({
    version: releaseVersionSchema,
    license: releaseLicenseSchema,
    notes: textSchema().max(10_000).default(""),
  })
  .strict()
  .meta({ id: "CreateReleaseInput" });

export const RELEASE_STATUSES = ["queued", "building", "built", "failed", "published"] as const;
export const releaseStatusSchema = z.enum(RELEASE_STATUSES);

export const releaseFileSchema = z
  .object({
    path: z.string(),
    sizeBytes: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .meta({ id: "ReleaseFile" });

export const releaseStatisticsSchema = z
  .object({
    items: z.number().int(),
    languages: z.array(
      z.object({
        language: languageSchema,
        items: z.number().int(),
        categories: z.record(z.string(), z.number().int()),
      }),
    ),
    maskedPiiSpans: z.number().int(),
  })
  .meta({ id: "ReleaseStatistics" });

export const releaseSchema = z
  .object({
    id: z.uuid(),
    version: releaseVersionSchema,
    license: z.string(),
    notes: z.string(),
    status: releaseStatusSchema,
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    /** A build whose worker is gone (killed, crashed): nobody is building it any more and it can be retried. */
    stalled: z.boolean(),
    error: z.string().nullable(),
    previousVersion: z.string().nullable(),
    createdAt: z.iso.datetime(),
    builtAt: z.iso.datetime().nullable(),
    publishedAt: z.iso.datetime().nullable(),
    files: z.array(releaseFileSchema),
    statistics: releaseStatisticsSchema.nullable(),
  })
  .meta({ id: "Release" });

export type CreateReleaseInput = z.input<typeof createReleaseInputSchema>;
export type ReleaseView = z.infer<typeof releaseSchema>;
export type ReleaseFileView = z.infer<typeof releaseFileSchema>;
export type ReleaseStatistics = z.infer<typeof releaseStatisticsSchema>;
