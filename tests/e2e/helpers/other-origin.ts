// A page on another origin of the same site (another port of 127.0.0.1), as a hostile sibling host would serve it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface OtherOrigin {
  url: string;
  close(): Promise<void>;
}

/** Serves `html` at the root of a fresh port of 127.0.0.1 until closed. */
export async function serveOnOtherOrigin(html: string): Promise<OtherOrigin> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
