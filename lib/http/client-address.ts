// Which network address a request came from, trusting only as many proxies as the operator configured.

/** Header our own server sets on every request (any incoming value is overwritten), read by the app. */
export const CLIENT_ADDRESS_HEADER = "x-escriba-client-address";

/**
 * With no trusted proxy the socket's address is the client. Behind N proxies, each appends the address it saw to
 * X-Forwarded-For, so the N-th entry from the right is the last one a trusted party wrote.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | undefined, trustedHops: number) {
  if (trustedHops > 0 && forwardedFor) {
    const hops = forwardedFor.split(",").map((part) => part.trim()).filter(Boolean);
    const candidate = hops[hops.length - trustedHops];
    if (candidate) return candidate;
  }
  return socketAddress ?? "unknown";
}
