"use client";
// Counts how the text of each field comes to be (typed, pasted, dropped, inserted otherwise, deleted, …) from the
// textarea's own events, for the editor's saves and a reviewer's edits. Only counts and sizes leave the page: the keys
// and the inserted text are never read. The arithmetic is lib/provenance/field-counters.ts; this hook wires DOM events.
import { useCallback, useEffect, useRef } from "react";
import { AwayWatch, FieldTracker } from "@/lib/provenance/field-counters";
import { EVIDENCE_FIELDS, type EvidenceField, type EvidenceFields, type WritingEvidenceInput } from "@/lib/provenance/schemas";

/** Keys that put text into a field; with Ctrl or Meta held (not AltGr, which is both Ctrl and Alt) they are shortcuts. */
function producesText(event: KeyboardEvent): boolean {
  if ((event.ctrlKey || event.metaKey) && !(event.ctrlKey && event.altKey)) return false;
  return event.key.length === 1 || event.key === "Enter" || event.key === "Tab" || event.key === "Dead" || event.key === "Process";
}

export interface WritingEvidence {
  /** A callback ref for the textarea of one field. */
  attach: (field: EvidenceField) => (element: HTMLTextAreaElement | null) => void;
  /** The counters as they stand, for a save. */
  snapshot: () => WritingEvidenceInput;
  /** Counters kept on this device with unsaved text: taken over when they are further along than the server's. */
  adopt: (counters: WritingEvidenceInput | undefined) => void;
}

export function useWritingEvidence(initial: Partial<EvidenceFields> | null, lengths: Record<EvidenceField, number>): WritingEvidence {
  const away = useRef(new AwayWatch());
  const trackers = useRef<Record<EvidenceField, FieldTracker> | null>(null);
  if (!trackers.current) {
    trackers.current = Object.fromEntries(
      EVIDENCE_FIELDS.map((field) => [field, new FieldTracker(away.current, initial?.[field], lengths[field])]),
    ) as Record<EvidenceField, FieldTracker>;
  }
  const detachers = useRef(new Map<EvidenceField, () => void>());
  const attached = useRef(new Map<EvidenceField, HTMLTextAreaElement>());

  useEffect(() => {
    const watch = away.current;
    const onVisibility = () => (document.visibilityState === "hidden" ? watch.left(performance.now()) : watch.returned(performance.now()));
    const onBlur = () => watch.left(performance.now());
    const onFocus = () => watch.returned(performance.now());
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("blur", onBlur);
    window.addEventListener("focus", onFocus);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("blur", onBlur);
      window.removeEventListener("focus", onFocus);
    };
  }, []);

  const attach = useCallback(
    (field: EvidenceField) => (element: HTMLTextAreaElement | null) => {
      // The editor's refs are inline functions, called again at every render: the listeners stay on the element they
      // were added to, and move only when React hands over another element.
      if (!element || attached.current.get(field) === element) return;
      detachers.current.get(field)?.();
      attached.current.set(field, element);
      // Looked up at each event: a restored copy's counters may replace the tracker while the field is attached.
      const tracker = () => trackers.current![field];
      tracker().sync(element.value.length);
      const onKeyDown = (event: KeyboardEvent) => {
        if (producesText(event)) tracker().keyDown();
      };
      const onBeforeInput = () => tracker().beforeInput(element.value.length, element.selectionStart, element.selectionEnd);
      const onInput = (event: Event) => tracker().input((event as InputEvent).inputType ?? "", element.value.length, performance.now());
      const onCompositionStart = () => tracker().compositionStart(element.value.length, element.selectionStart, element.selectionEnd);
      const onCompositionEnd = () => tracker().compositionEnd(element.value.length, performance.now());
      element.addEventListener("keydown", onKeyDown);
      element.addEventListener("beforeinput", onBeforeInput);
      element.addEventListener("input", onInput);
      element.addEventListener("compositionstart", onCompositionStart);
      element.addEventListener("compositionend", onCompositionEnd);
      detachers.current.set(field, () => {
        element.removeEventListener("keydown", onKeyDown);
        element.removeEventListener("beforeinput", onBeforeInput);
        element.removeEventListener("input", onInput);
        element.removeEventListener("compositionstart", onCompositionStart);
        element.removeEventListener("compositionend", onCompositionEnd);
      });
    },
    [],
  );

  const snapshot = useCallback((): WritingEvidenceInput => {
    const all = trackers.current!;
    return Object.fromEntries(
      EVIDENCE_FIELDS.map((field) => {
        const counters = all[field].counters;
        return [field, { ...counters, pasteSizes: [...counters.pasteSizes], dropSizes: [...counters.dropSizes] }];
      }),
    ) as WritingEvidenceInput;
  }, []);

  const adopt = useCallback((counters: WritingEvidenceInput | undefined) => {
    if (!counters) return;
    const all = trackers.current!;
    for (const field of EVIDENCE_FIELDS) {
      const kept = counters[field];
      const current = all[field].counters;
      if (!kept || kept.typed + kept.pasted + kept.dropped + kept.other + kept.deleted < current.typed + current.pasted + current.dropped + current.other + current.deleted) continue;
      all[field] = new FieldTracker(away.current, kept);
    }
  }, []);

  return { attach, snapshot, adopt };
}
