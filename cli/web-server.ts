// Serves the built Next.js app from this process. Our own HTTP server in front lets us stamp each request
// with the client's real address (from the socket, or from trusted proxies only) before Next sees it.
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { answeredWhileDatabaseRestarts } from "@/cli/database-restart-gate";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/lib/http/client-address";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function startWebServer(options: { port: number; hostname: string }): Promise<Server> {
  const app = next({ dev: false, dir: PROJECT_ROOT, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const trustedHops = env().ESCRIBA_TRUSTED_PROXY_HOPS;
  const server = createServer((request, response) => {
    if (answeredWhileDatabaseRestarts(PROJECT_ROOT, request, response)) return;
    const forwardedFor = request.headers["x-forwarded-for"];
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(
      request.socket.remoteAddress,
      Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
      trustedHops,
    );
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, resolve);
  });
  return server;
}
