// Reads an uploaded file's bytes with a ceiling: a declared length over it is refused before anything is read, and a
// body that turns out longer is refused as soon as it passes the ceiling, so no upload is ever held beyond it.
import { AppError } from "@/lib/errors";

function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The file is larger than ${limit} bytes.`, {
    fields: [{ field: "(body)", message: `larger than ${limit} bytes` }],
    details: { limitBytes: limit },
  });
}

export async function readUpload(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    parts.push(value);
  }
  return Buffer.concat(parts, total);
}
