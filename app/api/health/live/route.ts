// Liveness: answers as long as the process does. Not through apiHandler on purpose: it must not read a session,
// a token or the database, so a probe that happens to carry a cookie cannot turn a database outage into a restart.
import { getLiveness } from "@/lib/http/operations/health";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(getLiveness.response.parse({ status: "ok" }), { headers: { "Cache-Control": "no-store" } });
}
