import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { withoutMarkdownCode } from "@/lib/quality/language";
import { wordsOf } from "@/lib/quality/language/features";

describe("withoutMarkdownCode", () => {
  test("blanks a fenced block, backticks or tildes, and keeps the prose and the line breaks", () => {
    const text = "Podes usar isto:\n\n```js\nconst total = items.length;\n```\n\nE despois, ~~~ non é código.\n~~~\nls -la\n~~~\nFin.";
    assert.equal(withoutMarkdownCode(text), "Podes usar isto:\n\n\n\n\n\nE despois, ~~~ non é código.\n\n\n\nFin.");
  });

  test("a block left open runs to the end of the text", () => {
    assert.equal(withoutMarkdownCode("Executa:\n```\nnpm install\nnpm test"), "Executa:\n\n\n");
  });

  test("only a fence of the same character, at least as long, alone on its line, closes a block", () => {
    const text = "A:\n````\n```\nnot closed\n``` x\n~~~~\nstill code\n````\nB.";
    assert.equal(withoutMarkdownCode(text), "A:\n\n\n\n\n\n\n\nB.");
  });

  test("a fenced block inside a list item, indented and with a blank line in it, is code too", () => {
    const text = "1. Instala as dependencias:\n\n    ```bash\n    npm install\n\n    npm test\n    ```\n2. Abre o navegador.";
    assert.equal(withoutMarkdownCode(text), "1. Instala as dependencias:\n\n\n\n\n\n\n2. Abre o navegador.");
  });

  test("blanks inline code spans, including double-backtick ones holding a backtick", () => {
    assert.equal(withoutMarkdownCode("Executa `git log --oneline` per veure'n l'historial."), "Executa   per veure'n l'historial.");
    assert.equal(withoutMarkdownCode("Escribe ``a `b` c`` e pulsa Intro."), "Escribe   e pulsa Intro.");
  });

  test("a lone backtick, one with no closing match, or a span across a blank line is text", () => {
    for (const text of [
      "Premeu la tecla ` per canviar de finestra.",
      "Dous `` abren e un ` non pecha.",
      "Primeiro `parágrafo.\n\nSegundo` parágrafo.",
    ]) {
      assert.equal(withoutMarkdownCode(text), text);
    }
  });

  test("a backtick fence whose info string holds a backtick is inline code, not a block", () => {
    assert.equal(withoutMarkdownCode("```a``` segue o texto\nmáis texto"), "  segue o texto\nmáis texto");
  });

  test("the identifier reads none of the code", () => {
    assert.deepEqual(wordsOf("Usa `console.log` así:\n```js\nconsole.log(total);\n```"), ["usa", "así"]);
  });
});
