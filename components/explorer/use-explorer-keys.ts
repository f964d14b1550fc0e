"use client";
// Keyboard-first explorer: "/" focuses the search, j/k (or the arrow keys) move along the rows, Enter opens the row's
// item (its link has the focus), x ticks it.
import { useEffect, type RefObject } from "react";

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

export function useExplorerKeys(search: RefObject<HTMLInputElement | null>, table: RefObject<HTMLTableElement | null>) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "/" && !isTyping(event.target)) {
        event.preventDefault();
        search.current?.focus();
        return;
      }
      if (isTyping(event.target) && !(event.target instanceof HTMLInputElement && event.target.type === "checkbox")) return;
      const links = [...(table.current?.querySelectorAll<HTMLAnchorElement>("a[data-row-link]") ?? [])];
      if (links.length === 0) return;
      const current = links.findIndex((link) => link.closest("tr")?.contains(document.activeElement));
      const move = (delta: number) => {
        event.preventDefault();
        links[Math.min(links.length - 1, Math.max(0, current + delta))]?.focus();
      };
      if (event.key === "j" || event.key === "ArrowDown") move(1);
      else if (event.key === "k" || event.key === "ArrowUp") move(current < 0 ? 1 : -1);
      else if (event.key === "x" && current >= 0) {
        event.preventDefault();
        links[current]?.closest("tr")?.querySelector<HTMLInputElement>("input[type=checkbox]")?.click();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [search, table]);
}
