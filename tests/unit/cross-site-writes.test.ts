import assert from "node:assert/strict";
import { test } from "node:test";
import { appOriginOf, cookieWriteVerdict, isWriteMethod } from "@/lib/http/cross-site-writes";

const APP = "http://escriba.example.org";
const JSON_TYPE = "application/json";

test("a write from the app's own page passes, by Sec-Fetch-Site or, without it, by Origin", () => {
  assert.equal(cookieWriteVerdict({ secFetchSite: "same-origin", origin: APP, contentType: JSON_TYPE, appOrigin: APP }), "allowed");
  assert.equal(cookieWriteVerdict({ origin: APP, contentType: "application/json; charset=utf-8", appOrigin: APP }), "allowed");
  assert.equal(cookieWriteVerdict({ secFetchSite: "same-origin", contentType: "Application/JSON", appOrigin: null }), "allowed");
});

test("a write started by another origin is refused, a sibling subdomain or another port included", () => {
  for (const secFetchSite of ["same-site", "cross-site", "none"]) {
    assert.equal(cookieWriteVerdict({ secFetchSite, origin: APP, contentType: JSON_TYPE, appOrigin: APP }), "cross_site_request", secFetchSite);
  }
  for (const origin of ["http://evil.example.org", "http://escriba.example.org:8080", "https://escriba.example.org", "null"]) {
    assert.equal(cookieWriteVerdict({ origin, contentType: JSON_TYPE, appOrigin: APP }), "cross_site_request", origin);
  }
});

test("a write that says nothing about where it came from is refused", () => {
  assert.equal(cookieWriteVerdict({ contentType: JSON_TYPE, appOrigin: APP }), "cross_site_request");
  assert.equal(cookieWriteVerdict({ origin: APP, contentType: JSON_TYPE, appOrigin: null }), "cross_site_request");
});

test("a same-origin write that is not declared JSON is refused as the wrong media type", () => {
  for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", null]) {
    assert.equal(cookieWriteVerdict({ secFetchSite: "same-origin", contentType, appOrigin: APP }), "unsupported_media_type", String(contentType));
  }
  assert.equal(cookieWriteVerdict({ secFetchSite: "same-origin", contentType: "application/jsonp", appOrigin: APP }), "unsupported_media_type");
});

test("the app's origin is the configured URL, else what trusted proxies forwarded, else the Host over HTTP", () => {
  assert.equal(appOriginOf({ configuredUrl: "https://escriba.example.org/app", host: "10.0.0.5:3000", trustedProxyHops: 0 }), "https://escriba.example.org");
  assert.equal(appOriginOf({ host: "127.0.0.1:3202", trustedProxyHops: 0 }), "http://127.0.0.1:3202");
  assert.equal(appOriginOf({ host: null, trustedProxyHops: 0 }), null);
  // Behind one proxy that rewrote Host and terminated TLS.
  assert.equal(
    appOriginOf({ host: "127.0.0.1:3000", forwardedHost: "escriba.example.org", forwardedProto: "https", trustedProxyHops: 1 }),
    "https://escriba.example.org",
  );
  // A forged entry in front of the one the trusted proxy appended is ignored.
  assert.equal(
    appOriginOf({ host: "127.0.0.1:3000", forwardedHost: "evil.example.org, escriba.example.org", forwardedProto: "http, https", trustedProxyHops: 1 }),
    "https://escriba.example.org",
  );
  // Without trusted proxies the forwarded headers are anyone's to write, so they are not read.
  assert.equal(
    appOriginOf({ host: "escriba.example.org", forwardedHost: "evil.example.org", forwardedProto: "https", trustedProxyHops: 0 }),
    "http://escriba.example.org",
  );
});

test("only methods that change things are writes", () => {
  assert.deepEqual(["GET", "HEAD", "OPTIONS", "POST", "put", "PATCH", "DELETE"].map(isWriteMethod), [false, false, false, true, true, true, true]);
});
