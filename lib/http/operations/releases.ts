// API contracts for dataset releases: maintainers create, watch, retry and publish; anyone lists and downloads
// published ones.
import { z } from "zod";
import { textSchema } from "@/lib/input-schemas";
import { defineOperation } from "@/lib/http/api-operation";
import { retractItemInputSchema } from "@/lib/items/schemas";
import { createReleaseInputSchema, releaseSchema, releaseVersionSchema } from "@/lib/releases/schemas";

const versionParams = z.object({ version: releaseVersionSchema });

export const listReleases = defineOperation({
  operationId: "listReleases",
  method: "GET",
  path: "/api/v1/releases",
  summary: "Published releases, newest first (maintainers also see those being built).",
  tag: "Releases",
  access: "public",
  response: z.object({ releases: z.array(releaseSchema) }).meta({ id: "ReleaseList" }),
});

export const createRelease = defineOperation({
  operationId: "createRelease",
  method: "POST",
  path: "/api/v1/releases",
  summary: "Create a release of every approved, non-retracted item; it builds in the background (maintainers).",
  tag: "Releases",
  access: "maintainer",
  body: createReleaseInputSchema,
  response: releaseSchema,
  successStatus: 202,
});

export const getRelease = defineOperation({
  operationId: "getRelease",
  method: "GET",
  path: "/api/v1/releases/{version}",
  summary: "One release: status, build progress, files with sizes and SHA-256, statistics.",
  tag: "Releases",
  access: "public",
  params: versionParams,
  response: releaseSchema,
});

export const retryReleaseBuild = defineOperation({
  operationId: "retryReleaseBuild",
  method: "POST",
  path: "/api/v1/releases/{version}/retry",
  summary: "Build again a release whose build failed or whose worker died (maintainers).",
  tag: "Releases",
  access: "maintainer",
  params: versionParams,
  response: releaseSchema,
  successStatus: 202,
});

export const publishRelease = defineOperation({
  operationId: "publishRelease",
  method: "POST",
  path: "/api/v1/releases/{version}/publish",
  summary: "Publish a built release: it becomes public and immutable (maintainers).",
  tag: "Releases",
  access: "maintainer",
  params: versionParams,
  response: releaseSchema,
});

export const discardRelease = defineOperation({
  operationId: "discardRelease",
  method: "DELETE",
  path: "/api/v1/releases/{version}",
  summary: "Discard a release that is not published: its record, frozen items and files; the version is free again (maintainers).",
  tag: "Releases",
  access: "maintainer",
  params: versionParams,
  response: z.object({ version: releaseVersionSchema, discarded: z.literal(true) }).meta({ id: "DiscardedRelease" }),
});

export const downloadReleaseFile = defineOperation({
  operationId: "downloadReleaseFile",
  method: "GET",
  path: "/api/v1/releases/{version}/files/{path}",
  summary: "Download one file of a published release (e.g. data/gl/train.parquet); the SHA-256 is in ETag.",
  tag: "Releases",
  access: "public",
  params: z.object({
    version: releaseVersionSchema,
    // The route is a catch-all, so Next hands the path over in segments.
    path: z.preprocess((value) => (Array.isArray(value) ? value.join("/") : value), textSchema().min(1).max(300)),
  }),
  response: z.string(),
  download: "application/octet-stream",
});

export const retractItem = defineOperation({
  operationId: "retractItem",
  method: "POST",
  path: "/api/v1/items/{itemId}/retract",
  summary: "Take an approved item out of future releases, with the reason (maintainers).",
  tag: "Releases",
  access: "maintainer",
  params: z.object({ itemId: z.uuid() }),
  body: retractItemInputSchema,
  response: z.object({ id: z.uuid(), status: z.literal("retracted"), retractedAt: z.iso.datetime() }).meta({ id: "RetractedItem" }),
});
