// The work authorship evidence adds to one keystroke in the editor, with 10,000 characters already in the field:
// the tracker's keydown + beforeinput + input handling, plus the snapshot of all three fields' counters and its JSON
// that travel with the local copy written on every keystroke. Prints the mean and p99 per keystroke (target < 1 ms);
// never asserts on timing. Runs the same module the browser runs, without the DOM (whose listeners only read
// `value.length` and the selection offsets, both O(1)).
// Usage: node --import tsx bench/writing-evidence-keystroke.ts [keystrokes=20000] [fieldLength=10000]
import { AwayWatch, FieldTracker } from "@/lib/provenance/field-counters";
import { EVIDENCE_FIELDS } from "@/lib/provenance/schemas";

const [keystrokes = 20_000, fieldLength = 10_000] = process.argv.slice(2).map(Number);
const away = new AwayWatch();
const trackers = Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field, new FieldTracker(away, undefined, field === "response" ? fieldLength : 0)]));
const response = trackers.response!;
// A field that has seen fifty pastes, so the size lists are as long as they get.
let length = fieldLength;
for (let paste = 0; paste < 50; paste++) {
  response.beforeInput(length, length, length);
  length += 20;
  response.input("insertFromPaste", length, paste);
}

function snapshot() {
  return Object.fromEntries(
    EVIDENCE_FIELDS.map((field) => {
      const counters = trackers[field]!.counters;
      return [field, { ...counters, pasteSizes: [...counters.pasteSizes], dropSizes: [...counters.dropSizes] }];
    }),
  );
}

const samples = new Float64Array(keystrokes);
let now = 1_000_000;
let bytes = 0;
for (let key = 0; key < keystrokes; key++) {
  const started = performance.now();
  response.keyDown();
  response.beforeInput(length, length, length);
  length += 1;
  response.input("insertText", length, now);
  bytes += JSON.stringify(snapshot()).length;
  samples[key] = performance.now() - started;
  now += 120;
}
samples.sort();
const mean = samples.reduce((sum, value) => sum + value, 0) / keystrokes;
console.log(`field length ${fieldLength} → ${length} characters, ${keystrokes} keystrokes (snapshot JSON ${Math.round(bytes / keystrokes)} bytes each)`);
console.log(`per keystroke: mean ${(mean * 1000).toFixed(2)} µs, p50 ${(samples[Math.floor(keystrokes * 0.5)]! * 1000).toFixed(2)} µs, p99 ${(samples[Math.floor(keystrokes * 0.99)]! * 1000).toFixed(2)} µs, max ${(samples[keystrokes - 1]! * 1000).toFixed(2)} µs (target < 1000 µs)`);
