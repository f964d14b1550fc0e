// An upload over the limit is refused (413) from its declared length before a byte of it is read, and one that turns
// out longer than it declared is cut off as soon as it passes the limit.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AppError } from "@/lib/errors";
import { readUpload } from "@/lib/http/read-upload";

function streamOf(chunks: number, chunkBytes: number, onPull: () => void) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull();
      if (sent === chunks) return controller.close();
      sent += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x61));
    },
  });
}

const upload = (body: ReadableStream<Uint8Array>, length?: number) =>
  new Request("http://localhost/api/v1/imports", {
    method: "POST",
    body,
    headers: length === undefined ? {} : { "content-length": String(length) },
    duplex: "half",
  } as RequestInit);

test("a declared length over the limit is refused before anything is read", async () => {
  let pulls = 0;
  const request = upload(streamOf(100, 1024, () => (pulls += 1)), 100 * 1024);
  await assert.rejects(readUpload(request, 10 * 1024), (error: unknown) => error instanceof AppError && error.code === "payload_too_large");
  assert.ok(pulls <= 1, `read ${pulls} chunks of a refused upload`);
});

test("a body longer than it said stops being read as soon as it passes the limit", async () => {
  let pulls = 0;
  const request = upload(streamOf(100, 1024, () => (pulls += 1)));
  await assert.rejects(readUpload(request, 10 * 1024), (error: unknown) => error instanceof AppError && error.code === "payload_too_large");
  assert.ok(pulls < 20, `read ${pulls} chunks past a 10-chunk limit`);
});

test("a body within the limit arrives whole", async () => {
  const bytes = await readUpload(upload(streamOf(3, 1000, () => {})), 10 * 1024);
  assert.equal(bytes.byteLength, 3000);
});
