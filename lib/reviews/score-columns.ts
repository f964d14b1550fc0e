// The rubric's five scores as the columns a decision is stored in (reviews, and review_checks for gold items and
// second reviews).
import type { z } from "zod";
import type { decideInputSchema } from "@/lib/reviews/schemas";

export function scoreColumns(scores: z.output<typeof decideInputSchema>["scores"]) {
  return {
    scoreInstruction: scores.instruction,
    scoreCorrectness: scores.correctness,
    scoreFluency: scores.fluency,
    scoreSafety: scores.safety,
    scoreGuidelines: scores.guidelines,
  };
}
