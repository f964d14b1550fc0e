import { buildOpenApiDocument } from "@/lib/http/openapi-document";

// The document only changes with the code, so it is built once per process.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export function GET() {
  document ??= buildOpenApiDocument();
  return Response.json(document);
}
