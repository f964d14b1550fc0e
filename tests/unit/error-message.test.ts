// The one error mapper: every code and reason a browser can meet has words in every catalog, and an API error comes
// out in the reader's language, the server's English never shown.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { createTranslator } from "use-intl/core";
import { ApiRequestError } from "@/components/api-client";
import {
  describeError,
  fieldErrorText,
  SHOWN_ERROR_CODES,
  SHOWN_ERROR_REASONS,
  summaryBeside,
  type ErrorTranslator,
} from "@/components/errors/error-message";
import { UI_LOCALES, type UiLocale } from "@/lib/vocabulary";

function translatorFor(locale: UiLocale): ErrorTranslator {
  const messages = JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as Record<string, never>;
  const t = createTranslator({ locale, messages, namespace: "apiErrors" as never });
  return Object.assign((key: string, values?: Record<string, string>) => t(key as never, values as never), { has: (key: string) => t.has(key as never) });
}

const conflictOnEmail = new ApiRequestError(409, {
  code: "conflict",
  message: "This e-mail is already registered.",
  fields: [{ field: "email", message: "already registered" }],
});

test("every code and every reason the browser can meet has its words in every catalog", () => {
  for (const locale of UI_LOCALES) {
    const t = translatorFor(locale);
    for (const code of SHOWN_ERROR_CODES) assert.ok(t.has(`codes.${code}`), `${locale}: apiErrors.codes.${code}`);
    for (const reason of SHOWN_ERROR_REASONS) assert.ok(t.has(`reasons.${reason}`), `${locale}: apiErrors.reasons.${reason}`);
  }
});

test("a refused field is named by its label in the reader's language, with what its error code means for it", () => {
  const basque = describeError(conflictOnEmail, translatorFor("eu"));
  assert.equal(basque.summary, "Lehendik dagoen edo bitartean aldatu den zerbaitekin talka egiten du.");
  assert.deepEqual(basque.fields, [{ field: "email", text: "Helbide elektronikoa: erabilita dago jada." }]);
  assert.doesNotMatch(basque.text, /registered/);
  const invalid = new ApiRequestError(422, {
    code: "validation_failed",
    message: "Invalid languages.1, approvalsRequired.",
    fields: [
      { field: "languages.1", message: "Invalid option" },
      { field: "approvalsRequired", message: "Invalid input" },
    ],
  });
  assert.deepEqual(
    describeError(invalid, translatorFor("es")).fields.map((field) => field.text),
    ["Idiomas: valor no válido.", "Aprobaciones necesarias: valor no válido."],
  );
});

test("a field the catalogs do not name keeps its path; a code the browser does not know reads as a refusal or a failure", () => {
  const odd = new ApiRequestError(422, { code: "teapot", message: "no", fields: [{ field: "scoreSheet.0.weight", message: "no" }] });
  const english = describeError(odd, translatorFor("en"));
  assert.equal(english.summary, "Some fields need attention.");
  assert.deepEqual(english.fields, [{ field: "scoreSheet.0.weight", text: "scoreSheet.0.weight: not a valid value." }]);
  assert.equal(describeError(new ApiRequestError(502, { code: "bad_gateway", message: "", fields: [] }), translatorFor("en")).summary, "Something went wrong on our side. Try again.");
});

test("a reason the server gives says it all; no answer at all is a network failure", () => {
  const weak = new ApiRequestError(422, {
    code: "validation_failed",
    message: "Password too weak.",
    fields: [{ field: "password", message: "too easy to guess" }],
    details: { reason: "weak_password", score: 0 },
  });
  const galician = describeError(weak, translatorFor("gl"));
  assert.equal(galician.text, "Este contrasinal é demasiado doado de adiviñar. Proba con unhas cantas palabras sen relación entre si, ou cun máis longo.");
  // The field still carries it, so the form can mark the password input itself.
  assert.deepEqual(galician.fields, [{ field: "password", text: galician.summary }]);
  assert.equal(summaryBeside(galician, ["password"]), galician.summary);
  assert.equal(summaryBeside(galician, []), galician.summary, "the reason is not said twice");
  assert.equal(describeError(new TypeError("Failed to fetch"), translatorFor("ca")).text, "No es pot connectar amb el servidor. Comprova la connexió i prova-ho de nou.");
});

test("a field's problem is found by its name or a part of it; the alert keeps what has no input of its own", () => {
  const refused = new ApiRequestError(422, {
    code: "validation_failed",
    message: "Invalid scores.fluency, comment, languages.1.",
    fields: [
      { field: "scores.fluency", message: "Invalid input: expected number, received null" },
      { field: "comment", message: "say what to change" },
      { field: "languages.1", message: "Invalid option" },
    ],
  });
  const basque = describeError(refused, translatorFor("eu"));
  assert.equal(fieldErrorText(basque, "scores"), "Puntuazioak: balio ez baliozkoa.");
  assert.equal(fieldErrorText(basque, "comment"), "Iruzkina: balio ez baliozkoa.");
  assert.equal(fieldErrorText(basque, "score"), null, "a prefix of a name is not a part of it");
  assert.equal(summaryBeside(basque, ["scores", "comment"]), `${basque.summary} Hizkuntzak: balio ez baliozkoa.`);
  assert.doesNotMatch(basque.text, /Invalid|expected|received/);
});

test("a query string's parameter and the body as a whole are named by their labels, not by their paths", () => {
  const refused = new ApiRequestError(422, {
    code: "validation_failed",
    message: "Invalid query.guidelineVersion, (body).",
    fields: [
      { field: "query.guidelineVersion", message: "Too small: expected number to be >=1" },
      { field: "(body)", message: "the file is empty" },
    ],
  });
  assert.deepEqual(describeError(refused, translatorFor("eu")).fields, [
    { field: "query.guidelineVersion", text: "Jarraibideen bertsioa: balio ez baliozkoa." },
    { field: "(body)", text: "Testua: balio ez baliozkoa." },
  ]);
});
