// File sizes as people read them: decimal units (1 kB = 1000 bytes) named by Intl, so "1.2 MB" reads right in
// every interface language.
import type { useFormatter } from "next-intl";

const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;

export function formatFileSize(format: ReturnType<typeof useFormatter>, bytes: number): string {
  let value = bytes;
  let index = 0;
  while (value >= 1000 && index < UNITS.length - 1) {
    value /= 1000;
    index++;
  }
  // Intl's short name for bytes does not take a plural in English ("337 byte"); the long one does.
  return format.number(value, { style: "unit", unit: UNITS[index]!, unitDisplay: index === 0 ? "long" : "short", maximumFractionDigits: 1 });
}
