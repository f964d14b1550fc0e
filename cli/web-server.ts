// Serves the built Next.js app from this process. Our own HTTP server in front lets us stamp each request
// with the client's real address (from the socket, or from trusted proxies only) before Next sees it.
import { createServer, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { answeredWhileDatabaseRestarts } from "@/cli/database-restart-gate";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/lib/http/client-address";
import { securityHeaders, servedOverHttps } from "@/lib/http/security-headers";
import { decodePathSegments, pathOfRequestTarget, undecodablePathResponse } from "@/lib/http/request-path";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function startWebServer(options: { port: number; hostname: string }): Promise<Server> {
  const app = next({ dev: false, dir: PROJECT_ROOT, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const trustedHops = env().ESCRIBA_TRUSTED_PROXY_HOPS;
  const headersForEveryResponse = Object.entries(securityHeaders({ https: servedOverHttps(env()) }));
  const server = createServer((request, response) => {
    // Set here so that static files and Next's own error responses carry them too; pages replace the CSP (proxy.ts).
    for (const [name, value] of headersForEveryResponse) response.setHeader(name, value);
    // Next answers a path that does not decode with a bare 500 before our code runs: refuse it here with a 400.
    const pathname = pathOfRequestTarget(request.url ?? "/");
    if (!decodePathSegments(pathname)) {
      const headers = { cookie: request.headers.cookie, acceptLanguage: request.headers["accept-language"] };
      void writeResponse(response, undecodablePathResponse(pathname, headers));
      return;
    }
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

async function writeResponse(response: ServerResponse, answer: Response): Promise<void> {
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(await answer.text());
}
