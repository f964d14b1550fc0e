"use client";
// Live quality hints while typing: the checks that need no stored data, debounced, never blocking input.
import { useEffect, useState } from "react";
import { callOperation } from "@/components/api-client";
import { checkDraft } from "@/lib/http/operations/items";
import type { DraftFields } from "@/components/writing/local-draft-copy";
import type { ItemLanguage } from "@/lib/vocabulary";
import type { QualityReport } from "@/lib/quality/quality-report";

const HINT_DELAY_MS = 800;

export function useLiveHints(language: ItemLanguage, fields: DraftFields, enabled: boolean) {
  const [hints, setHints] = useState<QualityReport | null>(null);
  const { category, instruction, context, response } = fields;
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const timer = setTimeout(() => {
      callOperation(checkDraft, { body: { language, category, instruction, context: context || null, response } })
        .then((report) => current && setHints(report))
        // Hints are a help, not a gate: when offline there are simply none.
        .catch(() => current && setHints(null));
    }, HINT_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [enabled, language, category, instruction, context, response]);
  return hints;
}
