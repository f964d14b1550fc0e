import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { CATEGORY_SHAPES, checkShape, countCharacters, type ShapeCheckedItem } from "@/lib/quality/shape-rules";
import { ITEM_CATEGORIES } from "@/lib/vocabulary";

const LONG_CONTEXT =
  "O Camiño de Santiago é unha rede de rutas de peregrinación que conflúen na catedral de Santiago de Compostela. " +
  "Desde a Idade Media, persoas de toda Europa percorren estes camiños a pé, en bicicleta ou a cabalo, e en 1993 " +
  "o Camiño Francés foi declarado Patrimonio da Humanidade pola UNESCO.";

function item(overrides: Partial<ShapeCheckedItem> = {}): ShapeCheckedItem {
  return {
    category: "open_qa",
    instruction: "¿Cuál es el río más largo de la península ibérica?",
    context: null,
    response: "El río más largo de la península ibérica es el Tajo, con unos 1.007 kilómetros.",
    ...overrides,
  };
}

function codes(problems: ReturnType<typeof checkShape>): string[] {
  return problems.map((p) => `${p.field}:${p.code}`);
}

describe("the category table", () => {
  test("has a row for every category, with sane limits", () => {
    for (const category of ITEM_CATEGORIES) {
      const shape = CATEGORY_SHAPES[category];
      for (const limits of [shape.instruction, shape.context, shape.response]) {
        assert.ok(limits.min >= 0 && limits.min < limits.max, `${category}: ${limits.min}..${limits.max}`);
      }
    }
  });
  test("requires context exactly for closed_qa, summarization and information_extraction", () => {
    const required = ITEM_CATEGORIES.filter((c) => CATEGORY_SHAPES[c].context.expectation === "required");
    assert.deepEqual(required.sort(), ["closed_qa", "information_extraction", "summarization"]);
  });
});

describe("checkShape", () => {
  test("a well-formed item has no problems", () => {
    assert.deepEqual(checkShape(item()), []);
    assert.deepEqual(
      checkShape(item({ category: "summarization", context: LONG_CONTEXT, response: "Rede de rutas medievais cara a Santiago, Patrimonio da Humanidade desde 1993." })),
      [],
    );
  });
  test("reports too short and too long fields with min, max and actual", () => {
    const short = checkShape(item({ instruction: "¿Río?" }));
    assert.deepEqual(short, [
      { code: "too_short", field: "instruction", severity: "block", overridable: false, overridden: false, params: { min: 10, max: 2000, actual: 5 } },
    ]);
    const max = CATEGORY_SHAPES.open_qa.response.max;
    const long = checkShape(item({ response: "a".repeat(max + 1) }));
    assert.deepEqual(codes(long), ["response:too_long"]);
    assert.equal(long[0]?.params.actual, max + 1);
  });
  test("counts characters on trimmed text, by code point", () => {
    assert.equal(countCharacters("  año 😀 "), 5);
  });
  test("applies category-specific response minimums", () => {
    const poem = "Un poema breu.";
    assert.deepEqual(codes(checkShape(item({ category: "creative_writing", instruction: "Escriu un poema sobre la tardor.", response: poem }))), ["response:too_short"]);
    assert.deepEqual(codes(checkShape(item({ category: "classification", instruction: "Classifica: és positiu o negatiu?", response: "Positiu" }))), []);
  });
  test("context required, unexpected, or too short when given", () => {
    assert.deepEqual(codes(checkShape(item({ category: "closed_qa", context: "  " }))), ["context:context_required"]);
    assert.deepEqual(codes(checkShape(item({ category: "brainstorming", response: "x".repeat(100), context: "Algún contexto" }))), ["context:context_unexpected"]);
    assert.deepEqual(codes(checkShape(item({ category: "information_extraction", context: "Texto corto." }))), ["context:too_short"]);
    assert.deepEqual(codes(checkShape(item({ category: "general_qa", context: null }))), []);
  });
  test("an instruction repeated as the response is rejected after normalisation", () => {
    const problems = checkShape(item({ instruction: "Nola esaten da 'kaixo' gaztelaniaz?", response: "nola esaten da kaixo gaztelaniaz" }));
    assert.deepEqual(codes(problems), ["response:instruction_equals_response"]);
  });
  test("leftover template text is caught in every field, with the pattern id", () => {
    const cases: [Partial<ShapeCheckedItem>, string, string][] = [
      [{ instruction: "[INSERTA AQUÍ LA PREGUNTA] sobre geografía" }, "instruction", "bracket_placeholder"],
      [{ response: "Lorem ipsum dolor sit amet, consectetur adipiscing elit." }, "response", "lorem_ipsum"],
      [{ response: "El Tajo. TODO: comprobar la longitud exacta del río." }, "response", "todo_marker"],
      [{ instruction: "Explica {{tema}} a un niño de diez años." }, "instruction", "curly_placeholder"],
      [{ response: "<response>El Tajo es el río más largo.</response>" }, "response", "markup_tag"],
      [{ instruction: "Instrucción: ¿cuál es el río más largo de España?" }, "instruction", "field_label"],
      [{ category: "closed_qa", context: `Testuingurua: ${LONG_CONTEXT}` }, "context", "field_label"],
    ];
    for (const [overrides, field, pattern] of cases) {
      const problems = checkShape(item(overrides)).filter((p) => p.code === "template_text");
      assert.deepEqual(problems.map((p) => [p.field, p.params.pattern]), [[field, pattern]], JSON.stringify(overrides));
    }
  });
  test("ordinary text with brackets, lowercase 'todo' and labels mid-sentence is fine", () => {
    const text = "Todo el mundo conoce el Tajo [véase el mapa] y la [guía](https://example.org); la respuesta: sí.";
    assert.deepEqual(checkShape(item({ response: text })), []);
  });
  test("a source needs both a valid http(s) URL and a licence", () => {
    const withContext = { category: "closed_qa" as const, context: LONG_CONTEXT };
    assert.deepEqual(codes(checkShape(item({ ...withContext, sourceUrl: "https://gl.wikipedia.org/wiki/Camiño_de_Santiago", sourceLicense: "CC BY-SA 4.0" }))), []);
    assert.deepEqual(codes(checkShape(item({ ...withContext, sourceUrl: "https://gl.wikipedia.org/wiki/Camiño" }))), ["sourceLicense:source_incomplete"]);
    assert.deepEqual(codes(checkShape(item({ ...withContext, sourceLicense: "CC BY-SA 4.0" }))), ["sourceUrl:source_incomplete"]);
    assert.deepEqual(codes(checkShape(item({ ...withContext, sourceUrl: "ftp://example.org/a.txt", sourceLicense: "CC0" }))), ["sourceUrl:source_url_invalid"]);
    assert.deepEqual(codes(checkShape(item({ ...withContext, sourceUrl: "wikipedia", sourceLicense: "CC0" }))), ["sourceUrl:source_url_invalid"]);
    assert.deepEqual(codes(checkShape(item({ ...withContext, sourceUrl: " ", sourceLicense: "" }))), []);
  });
  test("every shape problem blocks and cannot be waived", () => {
    const problems = checkShape(item({ category: "closed_qa", instruction: "x", response: "x", sourceUrl: "nope" }));
    assert.ok(problems.length >= 3);
    for (const p of problems) assert.deepEqual([p.severity, p.overridable, p.overridden], ["block", false, false]);
  });
});
