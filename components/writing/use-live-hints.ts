"use client";
// Live quality hints while typing: the checks that need no stored data, debounced, never blocking input.
import { useEffect, useState } from "react";
import { callApi } from "@/components/api-client";
import type { DraftFields } from "@/components/writing/local-draft-copy";
import type { ItemView } from "@/lib/items/schemas";
import type { QualityReport } from "@/lib/quality/quality-report";

const HINT_DELAY_MS = 800;

export function useLiveHints(item: Pick<ItemView, "language" | "category">, fields: DraftFields, enabled: boolean) {
  const [hints, setHints] = useState<QualityReport | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const timer = setTimeout(() => {
      callApi<QualityReport>("/api/v1/quality/check", {
        method: "POST",
        body: {
          language: item.language,
          category: item.category,
          instruction: fields.instruction,
          context: fields.context || null,
          response: fields.response,
        },
      })
        .then((report) => current && setHints(report))
        // Hints are a help, not a gate: when offline there are simply none.
        .catch(() => current && setHints(null));
    }, HINT_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [enabled, item.language, item.category, fields.instruction, fields.context, fields.response]);
  return hints;
}
