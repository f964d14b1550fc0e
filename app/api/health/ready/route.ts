// Readiness: 200 when this process can serve, else 503 naming the failed checks. Like liveness it skips
// apiHandler's session and token lookup (a probe has neither, and the lookup would itself need the database).
import { checkReadiness } from "@/lib/health/check-readiness";
import { errorResponse } from "@/lib/http/error-response";
import { getReadiness } from "@/lib/http/operations/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const response = await checkReadiness().then(
    (readiness) => Response.json(getReadiness.response.parse(readiness)),
    (error: unknown) => errorResponse(error),
  );
  response.headers.set("Cache-Control", "no-store");
  return response;
}
