import assert from "node:assert/strict";
import { test } from "node:test";
import { renderDatasetCard } from "@/lib/releases/dataset-card";
import { splitDatasetCard } from "@/lib/releases/dataset-card-front-matter";

const card = renderDatasetCard({
  datasetName: 'escriba "test" instructions',
  version: "1.2.0",
  license: "cc-by-sa-4.0",
  notes: "Second release.",
  createdAt: new Date(Date.UTC(2026, 10, 1)),
  previousVersion: "1.1.0",
  languages: [
    { language: "gl", items: 3, categories: { open_qa: 2, summarization: 1 } },
    { language: "eu", items: 1, categories: { open_qa: 1 } },
  ],
  guidelines: [],
  maskedPiiSpans: 0,
});

test("the metadata a reader looks at comes out of the card the builder writes", () => {
  const { metadata } = splitDatasetCard(card);
  assert.deepEqual(metadata, {
    prettyName: 'escriba "test" instructions',
    license: "cc-by-sa-4.0",
    // The card lists languages in the product's order, and configs (mappings inside a list) are not languages.
    languages: ["eu", "gl"],
    taskCategories: ["text-generation", "question-answering", "summarization"],
    sizeCategories: ["n<1K"],
  });
});

test("the body is the Markdown after the front matter, starting at its title", () => {
  const { body } = splitDatasetCard(card);
  assert.ok(body.startsWith('# escriba "test" instructions 1.2.0\n'), body.slice(0, 80));
  assert.ok(!body.includes("pretty_name"));
  assert.ok(body.includes("sha256sum -c SHA256SUMS"));
});

test("a card without front matter is all body, and Windows line ends are read too", () => {
  assert.deepEqual(splitDatasetCard("# Title\n\nText"), {
    metadata: { prettyName: null, license: null, languages: [], taskCategories: [], sizeCategories: [] },
    body: "# Title\n\nText",
  });
  const crlf = splitDatasetCard("---\r\nlicense: mit\r\nlanguage:\r\n- ca\r\n---\r\n\r\n# T\r\n");
  assert.equal(crlf.metadata.license, "mit");
  assert.deepEqual(crlf.metadata.languages, ["ca"]);
  assert.equal(crlf.body, "# T\n");
});
