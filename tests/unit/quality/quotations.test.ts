import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { withoutQuotations } from "@/lib/quality/language";

describe("withoutQuotations", () => {
  test("blanks spans in angle, curly and straight double quotes and keeps the words around them", () => {
    assert.equal(withoutQuotations("El títol original és «Cien años de soledad», de García Márquez."), "El títol original és  , de García Márquez.");
    assert.equal(withoutQuotations("Traduce al español: “I would rather stay home.”"), "Traduce al español:  ");
    assert.equal(withoutQuotations('Itzuli: "Good morning" eta "Good night".'), "Itzuli:   eta  .");
  });

  test("angle quotes nest, and quotes of another kind inside a quotation go with it", () => {
    assert.equal(withoutQuotations("Di: «Ela respondeu «non» e marchou» e logo cala."), "Di:   e logo cala.");
    assert.equal(withoutQuotations("Escriu: «He said “no” twice» i prou."), "Escriu:   i prou.");
  });

  test("a quotation mark left unpaired, or a quote across a blank line, is text", () => {
    for (const text of ["Unha pantalla de 15\" chega.", "«Primeiro parágrafo.\n\nSegundo» parágrafo.", "Abre “aquí e non pecha."]) {
      assert.equal(withoutQuotations(text), text);
    }
    assert.equal(withoutQuotations("Dixo «isto\ne aquilo» onte."), "Dixo   onte.");
  });

  test("blanks the lines of a Markdown block quote", () => {
    assert.equal(withoutQuotations("Resume en una frase:\n\n> The committee will meet again.\n> It will discuss the budget.\n\nGracias."), "Resume en una frase:\n\n\n\n\nGracias.");
  });

  test("leaves apostrophes and single quotes alone: they are the same marks", () => {
    for (const text of ["L’home d'aquí diu ‘bon dia’.", "It's 'fine'."]) assert.equal(withoutQuotations(text), text);
  });
});
