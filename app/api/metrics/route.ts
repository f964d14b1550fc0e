// Prometheus scrapes this process's metrics here. Not through apiHandler: its bearer token is the metrics token, not
// a person's API token, and a scrape is neither logged nor timed as an API request.
import { AppError, notFound } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { metrics, metricsAccess } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const access = metricsAccess(request.headers.get("authorization"));
  if (access === "not_configured") return errorResponse(notFound("Page"));
  if (access === "denied") return errorResponse(new AppError("unauthenticated", "Send the metrics token: Authorization: Bearer <token>."));
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
