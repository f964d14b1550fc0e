// A campaign's thresholds for the evidence flags, between their API shape and the campaign's columns.
import type { EvidenceThresholds } from "@/lib/provenance/schemas";

interface ThresholdColumns {
  evidencePastedPercent: number;
  evidenceInsertedPercent: number;
  evidenceCharsPerMinute: number;
  evidenceAwayInsertions: number;
}

export function thresholdsOf(campaign: ThresholdColumns): EvidenceThresholds {
  return {
    pastedPercent: campaign.evidencePastedPercent,
    insertedPercent: campaign.evidenceInsertedPercent,
    charsPerMinute: campaign.evidenceCharsPerMinute,
    awayInsertions: campaign.evidenceAwayInsertions,
  };
}

export function thresholdColumns(thresholds: EvidenceThresholds): ThresholdColumns {
  return {
    evidencePastedPercent: thresholds.pastedPercent,
    evidenceInsertedPercent: thresholds.insertedPercent,
    evidenceCharsPerMinute: thresholds.charsPerMinute,
    evidenceAwayInsertions: thresholds.awayInsertions,
  };
}
