import assert from "node:assert/strict";
import { test } from "node:test";
import { localeFromAcceptLanguage, resolveUiLocale } from "@/lib/i18n/locales";

test("the browser's languages are honoured in q-value order, regions ignored", () => {
  assert.equal(localeFromAcceptLanguage("ca-ES,ca;q=0.9,es;q=0.8,en;q=0.5"), "ca");
  assert.equal(localeFromAcceptLanguage("fr-FR, eu;q=0.7, es;q=0.9"), "es");
  assert.equal(localeFromAcceptLanguage("gl;q=0.2, en;q=0.8"), "en");
  assert.equal(localeFromAcceptLanguage("de, fr"), null);
  assert.equal(localeFromAcceptLanguage("eu;q=0, es;q=0.1"), "es");
});

test("a saved preference beats the cookie, which beats the browser", () => {
  assert.equal(resolveUiLocale({ preference: "eu", cookie: "gl", acceptLanguage: "es" }), "eu");
  assert.equal(resolveUiLocale({ preference: null, cookie: "gl", acceptLanguage: "es" }), "gl");
  assert.equal(resolveUiLocale({ preference: null, cookie: "xx", acceptLanguage: "es-ES" }), "es");
  assert.equal(resolveUiLocale({ preference: undefined, cookie: undefined, acceptLanguage: undefined }), "en");
});
