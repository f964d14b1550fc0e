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

test("authorship evidence appears on the card in aggregate only, when the builder counted it", () => {
  const withEvidence = renderDatasetCard({
    datasetName: "escriba",
    version: "1.0.0",
    license: "cc-by-4.0",
    notes: "",
    createdAt: new Date(Date.UTC(2026, 11, 1)),
    previousVersion: null,
    languages: [{ language: "gl", items: 4, categories: { open_qa: 4 } }],
    guidelines: [],
    maskedPiiSpans: 0,
    authorship: { withEvidence: 3, mostlyTyped: 2 },
  });
  assert.ok(withEvidence.includes("### Authorship evidence"));
  assert.ok(withEvidence.includes("2 of the 3 items with such counters (66.7 %) were written with under 5 % of their text"), withEvidence);
  assert.ok(withEvidence.includes("1 item(s) have no counters"));
  assert.ok(!card.includes("Authorship evidence"), "a card built without the figures says nothing about them");
});
