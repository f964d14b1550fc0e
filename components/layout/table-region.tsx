// A table that may be wider than a phone scrolls inside its own region, which keyboard users can focus and scroll
// and screen readers announce by name, instead of pushing the whole page sideways.
import type { ReactNode } from "react";

export function TableRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `table-region ${className}` : "table-region"} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
