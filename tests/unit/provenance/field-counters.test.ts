// The writing counters' arithmetic, fed the event sequences Chromium produces: typing key by key, paste and drop with
// their sizes, select-and-replace, undo and redo, a drag inside the field, IME composition (dead keys, pinyin,
// dictation), the typing-rate window, active time and large insertions after time away.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AwayWatch, FieldTracker, SIZE_LIST_CAP } from "@/lib/provenance/field-counters";

/** A textarea stand-in: its length and selection, driving the tracker as the DOM events would. */
class Field {
  length = 0;
  selection: [number, number] = [0, 0];
  now = 1_000_000;
  constructor(readonly tracker: FieldTracker) {}

  type(text: string, msPerKey = 100) {
    for (const _ of text) {
      this.tracker.keyDown();
      this.insert("insertText", 1);
      this.now += msPerKey;
    }
  }

  insert(inputType: string, chars: number) {
    const [start, end] = this.selection;
    this.tracker.beforeInput(this.length, start, end);
    this.length += chars - (end - start);
    this.selection = [start + chars, start + chars];
    this.tracker.input(inputType, this.length, this.now);
  }

  remove(inputType: string, chars: number) {
    const [start, end] = this.selection;
    this.tracker.beforeInput(this.length, start, end);
    const removed = end > start ? end - start : chars;
    this.length -= removed;
    this.selection = [start, start];
    this.tracker.input(inputType, this.length, this.now);
  }

  /** The browser changes the text by itself (undo, redo): only the length after is known. */
  history(inputType: "historyUndo" | "historyRedo", length: number) {
    this.tracker.beforeInput(this.length, ...this.selection);
    this.length = length;
    this.selection = [length, length];
    this.tracker.input(inputType, this.length, this.now);
  }
}

const field = () => new Field(new FieldTracker(new AwayWatch()));

test("typing key by key counts every character as typed, and backspace as deleted", () => {
  const f = field();
  f.type("Ola, mundo");
  f.tracker.keyDown();
  f.remove("deleteContentBackward", 1);
  assert.equal(f.tracker.counters.typed, 10);
  assert.equal(f.tracker.counters.deleted, 1);
  assert.equal(f.tracker.counters.pasted + f.tracker.counters.other + f.tracker.counters.dropped, 0);
});

test("paste and drop are inserted with their sizes; Ctrl+V's keydown does not make a paste typed", () => {
  const f = field();
  f.type("abc");
  f.insert("insertFromPaste", 120);
  f.insert("insertFromDrop", 45);
  f.insert("insertFromPaste", 7);
  assert.deepEqual(
    { typed: f.tracker.counters.typed, pasted: f.tracker.counters.pasted, dropped: f.tracker.counters.dropped },
    { typed: 3, pasted: 127, dropped: 45 },
  );
  assert.deepEqual(f.tracker.counters.pasteSizes, [120, 7]);
  assert.deepEqual(f.tracker.counters.dropSizes, [45]);
});

test("the list of sizes keeps the newest fifty", () => {
  const f = field();
  for (let size = 1; size <= SIZE_LIST_CAP + 5; size++) f.insert("insertFromPaste", size);
  assert.equal(f.tracker.counters.pasteSizes.length, SIZE_LIST_CAP);
  assert.equal(f.tracker.counters.pasteSizes[0], 6);
  assert.equal(f.tracker.counters.pasted, ((SIZE_LIST_CAP + 5) * (SIZE_LIST_CAP + 6)) / 2);
});

test("select and replace: the selection is deleted and the key typed; pasting over a selection the same", () => {
  const f = field();
  f.type("casa grande");
  f.selection = [5, 11];
  f.type("X");
  assert.equal(f.tracker.counters.deleted, 6);
  assert.equal(f.tracker.counters.typed, 12);
  f.selection = [0, 4];
  f.insert("insertFromPaste", 9);
  assert.equal(f.tracker.counters.deleted, 10);
  assert.deepEqual(f.tracker.counters.pasteSizes, [9]);
  assert.equal(f.length, 11 - 6 + 1 - 4 + 9);
});

test("undo and redo neither type nor insert: they delete and restore, and the counts still add up to the length", () => {
  const f = field();
  f.type("hello world");
  f.insert("insertFromPaste", 50);
  f.history("historyUndo", 11);
  f.history("historyRedo", 61);
  f.history("historyUndo", 11);
  const c = f.tracker.counters;
  assert.deepEqual({ typed: c.typed, pasted: c.pasted, restored: c.restored, deleted: c.deleted }, { typed: 11, pasted: 50, restored: 50, deleted: 100 });
  assert.equal(c.typed + c.pasted + c.dropped + c.other + c.restored - c.deleted, f.length);
});

test("dragging text within the field is a move, not a drop from outside", () => {
  const f = field();
  f.type("una frase");
  f.selection = [0, 4];
  f.remove("deleteByDrag", 4);
  f.insert("insertFromDrop", 4);
  assert.equal(f.tracker.counters.dropped, 0);
  assert.equal(f.tracker.counters.restored, 4);
  assert.deepEqual(f.tracker.counters.dropSizes, []);
});

test("input without a keystroke (autocomplete, dictation as insertText) is inserted otherwise", () => {
  const f = field();
  f.insert("insertReplacementText", 8);
  f.insert("insertText", 30);
  f.tracker.keyDown();
  f.insert("insertText", 3); // one key cannot type three characters
  assert.equal(f.tracker.counters.other, 8 + 30 + 2);
  assert.equal(f.tracker.counters.typed, 1);
});

test("IME composition: a dead-key accent and pinyin are typed; a composition without keys (dictation) is not", () => {
  const f = field();
  const compose = (keys: number, steps: number[], committed: number) => {
    f.tracker.compositionStart(f.length, ...f.selection);
    for (let key = 0; key < keys; key++) f.tracker.keyDown();
    const start = f.length;
    for (const step of steps) f.tracker.input("insertCompositionText", start + step, f.now); // candidates, not counted
    f.length = start + committed;
    f.tracker.compositionEnd(f.length, f.now);
  };
  compose(2, [1, 1], 1); // ´ + a → á
  compose(5, [1, 2, 3, 4, 5, 2], 2); // "zhong" "guo" → 中国 (keys counted during the composition)
  compose(0, [12, 25], 25); // dictated words
  const c = f.tracker.counters;
  assert.deepEqual({ typed: c.typed, other: c.other, deleted: c.deleted }, { typed: 3, other: 25, deleted: 0 });
});

test("the fastest typing is measured over ten seconds, in characters per minute", () => {
  const f = field();
  f.type("a".repeat(50), 200); // 5 per second: 300 per minute
  assert.equal(f.tracker.counters.longestBurstCpm, 300);
  f.now += 60_000;
  f.type("b".repeat(200), 50); // 20 per second: 1,200 per minute
  assert.equal(f.tracker.counters.longestBurstCpm, 1200);
  f.now += 60_000;
  f.type("c".repeat(10), 100); // slower again: the maximum stays
  assert.equal(f.tracker.counters.longestBurstCpm, 1200);
});

test("active time adds the gaps between inputs, each counted up to five seconds", () => {
  const f = field();
  f.type("abc", 1000); // gaps of 1 s after the first key
  f.now += 60_000;
  f.type("d");
  assert.equal(f.tracker.counters.activeMs, 1000 + 1000 + 5000);
});

test("active time is counted in whole milliseconds, whatever fractions the page clock has", () => {
  const f = field();
  f.now = 1000.25;
  f.type("ab", 333.3);
  f.type("c", 0.6);
  assert.ok(Number.isInteger(f.tracker.counters.activeMs));
  assert.equal(f.tracker.counters.activeMs, 333 + 333);
});

test("a large insertion right after ten seconds away is counted; a short absence or a small insertion is not", () => {
  const away = new AwayWatch();
  const f = new Field(new FieldTracker(away));
  away.left(0);
  away.returned(9_000);
  f.insert("insertFromPaste", 1000);
  away.left(20_000);
  away.returned(35_000);
  f.insert("insertFromPaste", 20); // the first insertion after returning is small: nothing
  f.insert("insertFromPaste", 500); // and the moment has passed
  away.left(40_000);
  away.returned(55_000);
  f.insert("insertFromPaste", 1000);
  assert.equal(f.tracker.counters.awayInsertions, 1);
});

test("counters start from the ones stored, so they are cumulative across visits", () => {
  const first = field();
  first.type("abcdef");
  const again = new Field(new FieldTracker(new AwayWatch(), first.tracker.counters, first.length));
  again.length = first.length;
  again.selection = [6, 6];
  again.type("gh");
  assert.equal(again.tracker.counters.typed, 8);
  assert.equal(first.tracker.counters.typed, 6, "the stored counters are copied, not shared");
});
