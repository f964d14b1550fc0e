"use client";
// The main navigation: a row of links on wide screens, a disclosure button that opens them as a list on phones
// (the row is wider than a phone for every signed-in role). Closes again when the page changes.
import { usePathname } from "next/navigation";
import { useEffect, useId, useState, type ReactNode } from "react";
import { useHydrated } from "@/components/use-hydrated";

export function NavMenu({ label, menuLabel, children }: { label: string; menuLabel: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const listId = useId();
  // The button opens the list through JavaScript: until React has attached its handler, a tap would be lost.
  const hydrated = useHydrated();
  useEffect(() => setOpen(false), [pathname]);
  return (
    <nav aria-label={label} className={open ? "main-nav open" : "main-nav"}>
      <button
        type="button"
        className="secondary nav-toggle"
        aria-expanded={open}
        aria-controls={listId}
        disabled={!hydrated}
        onClick={() => setOpen((value) => !value)}
      >
        {menuLabel}
      </button>
      <div id={listId} className="nav-links">
        {children}
      </div>
    </nav>
  );
}
