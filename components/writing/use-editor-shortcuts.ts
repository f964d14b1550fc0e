"use client";
// The editor's keyboard shortcuts, anywhere on the page: Ctrl/⌘+S save, Ctrl/⌘+Enter submit,
// Ctrl/⌘+Shift+P preview, Alt+↓ / Alt+↑ next / previous text field.
import { useEffect, useRef } from "react";

interface EditorShortcuts {
  save: () => void;
  submit: () => void;
  togglePreview: () => void;
  /** The text fields in order (null when not on screen, e.g. in preview). */
  fields: () => (HTMLElement | null)[];
}

export function useEditorShortcuts(actions: EditorShortcuts) {
  // The latest handlers, so the listener is attached once and never sees stale state.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !event.shiftKey && key === "s") {
        event.preventDefault();
        latest.current.save();
      } else if (mod && key === "enter") {
        event.preventDefault();
        latest.current.submit();
      } else if (mod && event.shiftKey && key === "p") {
        event.preventDefault();
        latest.current.togglePreview();
      } else if (event.altKey && !mod && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
        const fields = latest.current.fields().filter((field): field is HTMLElement => field !== null);
        if (fields.length === 0) return;
        event.preventDefault();
        const current = fields.findIndex((field) => field === document.activeElement);
        const step = event.key === "ArrowDown" ? 1 : -1;
        const next = current === -1 ? (step === 1 ? 0 : fields.length - 1) : (current + step + fields.length) % fields.length;
        fields[next]!.focus();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
