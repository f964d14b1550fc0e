// The arithmetic of the writing counters, fed by the editor's DOM events (see components/writing/use-writing-evidence.ts)
// and free of the DOM itself. Every event costs O(1): lengths and selection offsets, never a diff of the text, and the
// typing-rate window is ten one-second buckets. Nothing here sees a key's value or the inserted text, only counts.
import type { FieldCounters } from "@/lib/provenance/schemas";

/** How many insertion sizes a field keeps (the newest). */
export const SIZE_LIST_CAP = 50;
/** Away from the page at least this long, and then an insertion of at least AWAY_INSERTION_CHARS, is counted. */
export const AWAY_MS = 10_000;
export const AWAY_INSERTION_CHARS = 80;
/** A pause longer than this between two inputs counts as this much active time. */
export const ACTIVE_GAP_CAP_MS = 5_000;
const BUCKET_MS = 1_000;
const BUCKETS = 10;

export function emptyCounters(): FieldCounters {
  return { typed: 0, pasted: 0, dropped: 0, other: 0, restored: 0, deleted: 0, pasteSizes: [], dropSizes: [], activeMs: 0, longestBurstCpm: 0, awayInsertions: 0 };
}

/** What the page knows about the writer leaving and coming back (shared by the fields of one page). */
export class AwayWatch {
  private leftAt: number | null = null;
  private armed = false;

  left(now: number): void {
    if (this.leftAt === null) this.leftAt = now;
  }

  returned(now: number): void {
    if (this.leftAt !== null && now - this.leftAt >= AWAY_MS) this.armed = true;
    this.leftAt = null;
  }

  /** Whether this is the first insertion since coming back from a long absence (asking disarms it). */
  consume(): boolean {
    const armed = this.armed;
    this.armed = false;
    return armed;
  }
}

/** One text field's counters and the little state needed to attribute each input event. */
export class FieldTracker {
  readonly counters: FieldCounters;
  /** Keys pressed since the last input: an insertion counts as typed for at most one character per key. */
  private pendingKeys = 0;
  private before: { length: number; selected: number } | null = null;
  private composition: { length: number; selected: number; keys: number } | null = null;
  private lastLength: number;
  private lastInputAt: number | null = null;
  /** Characters a drag inside the field just took out: dropping them back is a move, not new text. */
  private dragged = 0;
  private readonly buckets = new Array<number>(BUCKETS).fill(0);
  private bucketIndex = 0;
  private windowSum = 0;

  constructor(
    private readonly away: AwayWatch,
    initial: FieldCounters = emptyCounters(),
    length = 0,
  ) {
    this.counters = { ...initial, pasteSizes: [...initial.pasteSizes], dropSizes: [...initial.dropSizes] };
    this.lastLength = length;
  }

  /** A key that produces text (printable, Enter, Tab, dead keys, IME keys); shortcuts such as Ctrl+V are not one. */
  keyDown(): void {
    if (this.composition) this.composition.keys += 1;
    else this.pendingKeys += 1;
  }

  /** `beforeinput`: the field's length and selection before the change. */
  beforeInput(length: number, selectionStart: number, selectionEnd: number): void {
    this.before = { length, selected: Math.max(0, selectionEnd - selectionStart) };
  }

  /** The text was set by the page itself (a conflict resolved, a copy restored): nothing was written. */
  sync(length: number): void {
    this.lastLength = length;
    this.before = null;
  }

  compositionStart(length: number, selectionStart: number, selectionEnd: number): void {
    this.composition = { length, selected: Math.max(0, selectionEnd - selectionStart), keys: this.pendingKeys };
    this.pendingKeys = 0;
    this.before = null;
  }

  /** The composition committed: typed as far as keys were pressed for it (dead keys, pinyin), other beyond (dictation). */
  compositionEnd(length: number, now: number): void {
    const composition = this.composition;
    this.composition = null;
    if (!composition) return this.sync(length);
    const deleted = composition.selected;
    const inserted = Math.max(0, length - composition.length + deleted);
    const typed = Math.min(inserted, composition.keys);
    this.record({ deleted, typed, other: inserted - typed }, length, now);
  }

  /** `input`: the field's length after the change and the event's `inputType`. */
  input(inputType: string, length: number, now: number): void {
    // Inside a composition the text changes with every candidate; only the commit counts.
    if (this.composition) return;
    const before = this.before ?? { length: this.lastLength, selected: 0 };
    this.before = null;
    const growth = length - before.length;
    let deleted = inputType.startsWith("delete") ? Math.max(before.selected, -growth) : before.selected;
    let inserted = growth + deleted;
    if (inserted < 0) {
      deleted -= inserted;
      inserted = 0;
    }
    const change = { deleted, typed: 0, other: 0, pasted: 0, dropped: 0, restored: 0 };
    if (inputType === "deleteByDrag") this.dragged = deleted;
    if (inserted > 0) {
      if (inputType === "insertFromPaste" || inputType === "insertFromPasteAsQuotation" || inputType === "insertFromYank") change.pasted = inserted;
      else if (inputType === "insertFromDrop") {
        if (this.dragged === inserted) change.restored = inserted;
        else change.dropped = inserted;
      } else if (inputType === "historyUndo" || inputType === "historyRedo") change.restored = inserted;
      else if (inputType === "insertText" || inputType === "insertLineBreak" || inputType === "insertParagraph") {
        change.typed = Math.min(inserted, this.pendingKeys);
        change.other = inserted - change.typed;
      } else change.other = inserted;
    }
    if (inputType !== "deleteByDrag") this.dragged = 0;
    this.pendingKeys = 0;
    this.record(change, length, now);
  }

  private record(
    change: { deleted: number; typed?: number; other?: number; pasted?: number; dropped?: number; restored?: number },
    length: number,
    now: number,
  ): void {
    const counters = this.counters;
    const typed = change.typed ?? 0;
    const pasted = change.pasted ?? 0;
    const dropped = change.dropped ?? 0;
    counters.deleted += change.deleted;
    counters.typed += typed;
    counters.other += change.other ?? 0;
    counters.restored += change.restored ?? 0;
    if (pasted > 0) {
      counters.pasted += pasted;
      pushCapped(counters.pasteSizes, pasted);
    }
    if (dropped > 0) {
      counters.dropped += dropped;
      pushCapped(counters.dropSizes, dropped);
    }
    const fresh = typed + pasted + dropped + (change.other ?? 0);
    if (fresh > 0 && this.away.consume() && fresh >= AWAY_INSERTION_CHARS) counters.awayInsertions += 1;
    // Whole milliseconds: performance.now() has fractions, and the server takes a fraction for a forged counter.
    if (this.lastInputAt !== null) counters.activeMs += Math.round(Math.min(Math.max(0, now - this.lastInputAt), ACTIVE_GAP_CAP_MS));
    this.lastInputAt = now;
    if (typed > 0) this.countTyping(typed, now);
    this.lastLength = length;
  }

  /** Typed characters of the last ten seconds, times six: the rate in characters per minute. */
  private countTyping(typed: number, now: number): void {
    const index = Math.floor(now / BUCKET_MS);
    // Clear the buckets that fell out of the window since the last keystroke: at most ten steps.
    const steps = Math.min(BUCKETS, Math.max(0, index - this.bucketIndex));
    for (let step = 1; step <= steps; step++) {
      const slot = (this.bucketIndex + step) % BUCKETS;
      this.windowSum -= this.buckets[slot]!;
      this.buckets[slot] = 0;
    }
    if (index > this.bucketIndex) this.bucketIndex = index;
    this.buckets[this.bucketIndex % BUCKETS]! += typed;
    this.windowSum += typed;
    const rate = this.windowSum * (60_000 / (BUCKET_MS * BUCKETS));
    if (rate > this.counters.longestBurstCpm) this.counters.longestBurstCpm = rate;
  }
}

function pushCapped(sizes: number[], size: number): void {
  sizes.push(size);
  if (sizes.length > SIZE_LIST_CAP) sizes.shift();
}
