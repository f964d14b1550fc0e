// The browser-side security policy: the Content-Security-Policy of pages and the headers every response carries.

/** A fresh, unguessable nonce for one page response (128 bits, base64). */
export function newCspNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * The policy of HTML pages. Scripts run only with this response's nonce, which Next.js puts on its own scripts
 * ('strict-dynamic' lets those load the app's chunks); no other inline script, no eval outside development.
 * Styles come only from our own stylesheets (plus anything Next.js marks with the nonce): the app has no inline
 * style attributes, so 'unsafe-inline' is not needed.
 */
export function pageContentSecurityPolicy(options: { nonce: string; https: boolean; development?: boolean }): string {
  const nonce = `'nonce-${options.nonce}'`;
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${nonce} 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${nonce}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Everything that is not a page (JSON, files, scripts, styles): nothing may run in it, and nobody may frame it. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const DENIED_FEATURES = [
  "accelerometer",
  "browsing-topics",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

/** Headers on every response, static files and errors included; pages then replace the CSP with their own. */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": NON_PAGE_CONTENT_SECURITY_POLICY,
    // For browsers that predate frame-ancestors; both say: never inside a frame.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": DENIED_FEATURES.map((feature) => `${feature}=()`).join(", "),
    "Cross-Origin-Opener-Policy": "same-origin",
    // Only over HTTPS: over plain HTTP browsers ignore it, and it would pin a site that cannot serve TLS.
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/** Whether browsers reach the app over HTTPS: the public URL says so, or the operator turned secure cookies on. */
export function servedOverHttps(config: { NEXTAUTH_URL?: string; ESCRIBA_SECURE_COOKIES?: boolean }): boolean {
  return config.ESCRIBA_SECURE_COOKIES === true || config.NEXTAUTH_URL?.startsWith("https://") === true;
}
