import assert from "node:assert/strict";
import { test } from "node:test";
import { clientAddressOf } from "@/lib/http/client-address";

test("without trusted proxies a forged X-Forwarded-For is ignored", () => {
  assert.equal(clientAddressOf("10.0.0.7", "1.2.3.4", 0), "10.0.0.7");
});

test("behind trusted proxies the address the nearest trusted proxy saw is used", () => {
  assert.equal(clientAddressOf("10.0.0.1", "1.2.3.4, 203.0.113.9", 1), "203.0.113.9");
  assert.equal(clientAddressOf("10.0.0.1", "forged, 203.0.113.9, 10.0.0.2", 2), "203.0.113.9");
  assert.equal(clientAddressOf("10.0.0.1", undefined, 1), "10.0.0.1");
});
