// Request ids and the metrics token: what reaches logs and headers, and who may read the metrics.
import assert from "node:assert/strict";
import { test } from "node:test";

process.env.ESCRIBA_METRICS_TOKEN = "unit-test-metrics-token-0123";
const { currentRequestId, requestIdFrom, withRequestId } = await import("@/lib/observability/request-context");
const { metricsAccess } = await import("@/lib/observability/metrics");

test("a caller's plain request id is kept; a missing, long or odd one is replaced by a fresh UUID", () => {
  assert.equal(requestIdFrom(new Headers({ "x-request-id": "lb-7f3a.42:9_x" })), "lb-7f3a.42:9_x");
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  assert.match(requestIdFrom(new Headers()), uuid);
  assert.match(requestIdFrom(new Headers({ "x-request-id": "a".repeat(129) })), uuid);
  assert.match(requestIdFrom(new Headers({ "x-request-id": "two words" })), uuid);
  assert.match(requestIdFrom(new Headers({ "x-request-id": '{"json":1}' })), uuid);
  assert.notEqual(requestIdFrom(new Headers()), requestIdFrom(new Headers()));
});

test("the request id follows the async work of its request, and only it", async () => {
  assert.equal(currentRequestId(), undefined);
  const seen = await Promise.all(
    ["one", "two"].map((id) =>
      withRequestId(id, async () => {
        await new Promise((resolve) => setTimeout(resolve, id === "one" ? 20 : 1));
        return currentRequestId();
      }),
    ),
  );
  assert.deepEqual(seen, ["one", "two"]);
  assert.equal(currentRequestId(), undefined);
});

test("the metrics need the configured token as a bearer token", () => {
  assert.equal(metricsAccess("Bearer unit-test-metrics-token-0123"), "allowed");
  assert.equal(metricsAccess(null), "denied");
  assert.equal(metricsAccess("Bearer unit-test-metrics-token-012"), "denied");
  assert.equal(metricsAccess("unit-test-metrics-token-0123"), "denied");
  assert.equal(metricsAccess("Basic dW5pdDp0ZXN0"), "denied");
});
