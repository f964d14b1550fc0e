// A released record masks personal data however it was written: the whole span of a spelled-out e-mail, a DNI
// with spaces, a dotted phone, an IBAN in the bank's grouping, an address with its port (issue 19).
import assert from "node:assert/strict";
import { test } from "node:test";
import { releaseRecordMaker } from "@/lib/releases/release-record";
import type { FrozenRevisionRow } from "@/lib/releases/release-columns";

const row: FrozenRevisionRow = {
  itemId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
  language: "ca",
  variety: null,
  category: "closed_qa",
  instruction: "Escriu a la Marta (marta punt soler arrova gmail punt com) i demana-li el DNI 45 678 123 P.",
  context: "El servidor és a 10.20.30.40:8080 i el telèfon de guàrdia és el 622.118.904.",
  response: "Fet: quota a ES38 0081 1234 56 1234567890; resposta de soporte [at] entitat [dot] cat.",
  sourceUrl: null,
  sourceLicense: null,
  guidelineVersion: 1,
  authorId: "ffffffff-0000-4000-8000-000000000001",
  campaignId: "cccccccc-0000-4000-8000-000000000001",
  createdAt: new Date("2026-12-01T10:00:00.000Z"),
};

test("every written form is masked whole, and counted once", () => {
  const { record, maskedSpans } = releaseRecordMaker(() => "annotator-0000000000000000")(row);
  assert.equal(record.instruction, "Escriu a la Marta ([EMAIL]) i demana-li el DNI [DNI].");
  assert.equal(record.context, "El servidor és a [IP] i el telèfon de guàrdia és el [PHONE].");
  assert.equal(record.response, "Fet: quota a [IBAN]; resposta de [EMAIL].");
  assert.equal(maskedSpans, 6);
});
