import assert from "node:assert/strict";
import { test } from "node:test";
import { newCspNonce, pageContentSecurityPolicy, securityHeaders, servedOverHttps } from "@/lib/http/security-headers";

const directivesOf = (policy: string) =>
  new Map(policy.split(";").map((directive) => {
    const [name = "", ...values] = directive.trim().split(/\s+/);
    return [name, values.join(" ")] as const;
  }));

test("a page's scripts run only with its nonce: no inline script, no eval, no plugins, no framing", () => {
  const policy = directivesOf(pageContentSecurityPolicy({ nonce: "abc123==", https: false }));
  assert.equal(policy.get("script-src"), "'self' 'nonce-abc123==' 'strict-dynamic'");
  assert.equal(policy.get("style-src"), "'self' 'nonce-abc123=='");
  assert.equal(policy.get("object-src"), "'none'");
  assert.equal(policy.get("base-uri"), "'none'");
  assert.equal(policy.get("frame-ancestors"), "'none'");
  assert.equal(policy.get("form-action"), "'self'");
  assert.ok(!policy.has("upgrade-insecure-requests"), "plain HTTP sites must not upgrade their own requests");
  for (const value of policy.values()) assert.doesNotMatch(value, /unsafe-inline|unsafe-eval|\*/);
});

test("over HTTPS requests are upgraded; in development React may eval", () => {
  assert.ok(directivesOf(pageContentSecurityPolicy({ nonce: "n", https: true })).has("upgrade-insecure-requests"));
  assert.match(directivesOf(pageContentSecurityPolicy({ nonce: "n", https: false, development: true })).get("script-src") ?? "", /'unsafe-eval'/);
});

test("nonces are fresh 128-bit base64 values", () => {
  const nonces = new Set(Array.from({ length: 50 }, newCspNonce));
  assert.equal(nonces.size, 50);
  for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
});

test("every response forbids framing, sniffing and powerful features; HSTS only over HTTPS", () => {
  const plain = securityHeaders({ https: false });
  assert.equal(plain["X-Frame-Options"], "DENY");
  assert.equal(plain["X-Content-Type-Options"], "nosniff");
  assert.equal(plain["Referrer-Policy"], "strict-origin-when-cross-origin");
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
    assert.match(plain["Permissions-Policy"] ?? "", new RegExp(`(^|, )${feature}=\\(\\)`));
  }
  assert.match(plain["Content-Security-Policy"] ?? "", /default-src 'none'.*frame-ancestors 'none'/);
  assert.equal(plain["Strict-Transport-Security"], undefined);
  assert.equal(securityHeaders({ https: true })["Strict-Transport-Security"], "max-age=31536000");
});

test("the app is served over HTTPS when its public URL is https or secure cookies are forced on", () => {
  assert.equal(servedOverHttps({}), false);
  assert.equal(servedOverHttps({ NEXTAUTH_URL: "http://localhost:3000" }), false);
  assert.equal(servedOverHttps({ NEXTAUTH_URL: "https://escriba.example.org" }), true);
  assert.equal(servedOverHttps({ ESCRIBA_SECURE_COOKIES: true }), true);
});
