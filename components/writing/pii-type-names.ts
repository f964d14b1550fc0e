// The personal-data types a quality check stores ("email,phone") as words of the UI language, for every place that
// shows a pii_found problem (server and client components alike).
import { PII_TYPES, type PiiType } from "@/lib/vocabulary";

export function piiTypeNames(types: string, name: (type: PiiType) => string): string {
  return types
    .split(",")
    .filter(Boolean)
    .map((type) => (PII_TYPES.includes(type as PiiType) ? name(type as PiiType) : type))
    .join(", ");
}
