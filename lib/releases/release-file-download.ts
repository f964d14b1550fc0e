// Downloading one file of a release: only files the release lists (no path tricks), published releases for
// everyone, built ones for maintainers checking them before publishing.
import path from "node:path";
import { Readable } from "node:stream";
import { hasRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { releaseFileStore } from "./release-storage";

export interface ReleaseFileDownload {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** Only a published release's files may sit in shared caches; a built one is still the maintainers' alone. */
  published: boolean;
  body: ReadableStream<Uint8Array>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".jsonl": "application/x-ndjson; charset=utf-8",
  ".parquet": "application/vnd.apache.parquet",
  ".md": "text/markdown; charset=utf-8",
  ".json": "application/json; charset=utf-8",
};

export async function openReleaseFile(viewer: Viewer | null, version: string, filePath: string): Promise<ReleaseFileDownload> {
  const release = await db().release.findUnique({ where: { version }, select: { id: true, status: true } });
  const visible =
    release && (release.status === "published" || (release.status === "built" && viewer !== null && hasRole(viewer, "maintainer")));
  if (!release || !visible) throw notFound("Release");
  const file = await db().releaseFile.findUnique({ where: { releaseId_path: { releaseId: release.id, path: filePath } } });
  if (!file) throw notFound("File");
  // A file the database lists but the store lost is an operator problem, reported as such rather than as a 500.
  const stored = await releaseFileStore().openFile(release.id, file.path, Number(file.sizeBytes));
  if (!stored) throw notFound("File on disk");
  return {
    fileName: path.posix.basename(file.path),
    contentType: CONTENT_TYPES[path.extname(file.path)] ?? "text/plain; charset=utf-8",
    sizeBytes: Number(file.sizeBytes),
    sha256: file.sha256,
    published: release.status === "published",
    body: Readable.toWeb(stored) as ReadableStream<Uint8Array>,
  };
}

/** The HTTP response for a download, shared by the public page route and the API. */
export function downloadResponse(download: ReleaseFileDownload, releaseVersion: string): Response {
  return new Response(download.body, {
    headers: {
      "content-type": download.contentType,
      "content-length": String(download.sizeBytes),
      "content-disposition": `attachment; filename="${releaseVersion}-${download.fileName}"`,
      // Published files never change; the digest is their identity.
      etag: `"${download.sha256}"`,
      "x-checksum-sha256": download.sha256,
      "cache-control": download.published ? "public, max-age=31536000, immutable" : "private, no-store",
    },
  });
}
