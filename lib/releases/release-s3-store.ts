// Release files in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, R2): `<prefix><release id>/<path>`. Uploads are
// multipart and streamed from the staging folder (a few parts in memory at a time, never a whole file); downloads
// stream the object's body through.
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { ReleaseFileStore } from "./release-storage";

export interface S3ReleaseStoreConfig {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  prefix: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** 8 MiB parts, two in flight: about 16 MiB held per upload whatever the file's size. */
const PART_BYTES = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

export class S3ReleaseStore implements ReleaseFileStore {
  readonly kind = "s3" as const;
  private readonly client: S3Client;

  constructor(private readonly config: S3ReleaseStoreConfig) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // Checksums only where S3 requires them: many S3-compatible servers do not understand the SDK's newer
      // trailing checksums, and every release file already carries its SHA-256 in the manifest.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  private key(releaseId: string, relativePath: string): string {
    return `${this.config.prefix}${releaseId}/${relativePath}`;
  }

  async putRelease(releaseId: string, stagingFolder: string, relativePaths: string[]): Promise<void> {
    await this.removeRelease(releaseId);
    for (const relativePath of relativePaths) {
      const upload = new Upload({
        client: this.client,
        params: { Bucket: this.config.bucket, Key: this.key(releaseId, relativePath), Body: createReadStream(path.join(stagingFolder, relativePath)) },
        partSize: PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
      });
      await upload.done();
    }
    await rm(stagingFolder, { recursive: true, force: true });
  }

  async openFile(releaseId: string, relativePath: string, sizeBytes: number): Promise<Readable | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(releaseId, relativePath) }));
      const body = object.Body as Readable | undefined;
      if (!body || object.ContentLength !== sizeBytes) {
        body?.destroy();
        return null;
      }
      return body;
    } catch (error) {
      if (error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404)) return null;
      throw error;
    }
  }

  async removeRelease(releaseId: string): Promise<void> {
    let continuationToken: string | undefined;
    do {
      const listed = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: this.key(releaseId, ""), ContinuationToken: continuationToken }),
      );
      const keys = (listed.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
      if (keys.length > 0) {
        await this.client.send(new DeleteObjectsCommand({ Bucket: this.config.bucket, Delete: { Objects: keys, Quiet: true } }));
      }
      continuationToken = listed.IsTruncated ? listed.NextContinuationToken : undefined;
    } while (continuationToken);
  }
}
