// The explorer's query while its navigations are on their way: every filter asked for stays, whatever order the
// navigations land in and however late the page hears of them; a URL nobody asked for (back, a link) wins.
import assert from "node:assert/strict";
import { test } from "node:test";
import { UrlQueryTracker } from "@/components/explorer/url-query-tracker";

const CAMPAIGN = "campaign=c1";

test("two filters asked for before either navigation lands both stay, and the URL is the query once the last lands", () => {
  const queries = new UrlQueryTracker(CAMPAIGN);
  const language = queries.ask({ language: "gl" });
  const both = queries.ask({ piiFictional: "yes" });
  assert.equal(language, "campaign=c1&language=gl");
  assert.equal(both, "campaign=c1&language=gl&piiFictional=yes");
  assert.equal(queries.current, both);

  assert.equal(queries.land(language), both, "the first landing leaves the second in flight");
  assert.equal(queries.current, both);
  assert.equal(queries.land(both), null);
  assert.equal(queries.current, both);
});

test("a change asked for just after a landing the page has not yet heard of starts from what was last asked", () => {
  // The search was cleared, then a language chosen; the cleared search lands; the page settles that landing (late, as
  // on a busy machine) only when the next filter is chosen. The language chosen in between must not be lost.
  const queries = new UrlQueryTracker(`${CAMPAIGN}&q=mendira`);
  const cleared = queries.ask({ q: undefined });
  const language = queries.ask({ language: "gl" });
  assert.equal(queries.land(cleared), language, "the cleared search landing leaves the language in flight");
  assert.equal(queries.land(cleared), language, "hearing of the same landing twice changes nothing");
  const both = queries.ask({ piiFictional: "yes" });
  assert.equal(both, "campaign=c1&language=gl&piiFictional=yes");
  queries.land(language);
  assert.equal(queries.current, both);
  queries.land(both);
  assert.equal(queries.current, both);
});

test("a navigation overtaken by a later one, which never lands, settles with the later one", () => {
  const queries = new UrlQueryTracker(CAMPAIGN);
  queries.ask({ status: "approved" });
  const later = queries.ask({ status: "submitted" });
  assert.equal(queries.land(later), null);
  assert.equal(queries.current, later);
});

test("a URL nobody asked for (back, forward, a link) is the query again, and the next change starts from it", () => {
  const queries = new UrlQueryTracker(CAMPAIGN);
  queries.ask({ language: "eu" });
  assert.equal(queries.land("campaign=c2"), null);
  assert.equal(queries.current, "campaign=c2");
  assert.equal(queries.ask({ sort: "oldest" }), "campaign=c2&sort=oldest");
});

test("asking for the same query twice waits for the last of them", () => {
  const queries = new UrlQueryTracker(CAMPAIGN);
  const eu = queries.ask({ language: "eu" });
  const gl = queries.ask({ language: "gl" });
  queries.ask({ language: "eu" });
  assert.equal(queries.land(eu), null, "the later request for the same query is what landed");
  assert.equal(queries.current, eu);
  assert.equal(queries.land(gl), null, "a navigation overtaken and landing after it is a URL nobody waits for");
  assert.equal(queries.current, gl);
});

test("going back to what the URL shows leaves nothing in flight, and an empty value removes its parameter", () => {
  const queries = new UrlQueryTracker(`${CAMPAIGN}&language=gl`);
  queries.ask({ language: "eu" });
  assert.equal(queries.ask({ language: "gl" }), `${CAMPAIGN}&language=gl`);
  assert.equal(queries.pending, null);
  assert.equal(queries.ask({ language: "" }), CAMPAIGN);
  assert.equal(queries.land(CAMPAIGN), null);
  assert.equal(queries.current, CAMPAIGN);
});
