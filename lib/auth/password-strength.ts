// Whether a new password is hard to guess, judged on the server by zxcvbn-ts: it finds common passwords, English and
// Spanish words and names, the person's own name and e-mail, keyboard walks, repeats, sequences and dates, and
// estimates how many guesses the easiest way to crack the whole password would take.
import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import * as spanish from "@zxcvbn-ts/language-es-es";
import { AppError } from "@/lib/errors";

/**
 * zxcvbn's score 3 of 4: at least 10^8 guesses, "safely unguessable" by an online attacker and a moderate
 * protection if the argon2id hashes ever leak.
 */
export const MIN_PASSWORD_SCORE = 3;

/** Words every escriba password is checked against, besides the person's own. */
const PRODUCT_WORDS = ["escriba", "instruction", "annotator", "reviewer", "maintainer"];

let estimator: ZxcvbnFactory | undefined;

/** Built on first use (about 0.3 s for the dictionaries), so importing this module costs nothing. */
function passwordEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, ...spanish.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    // Levenshtein matching costs ~0.5 s of CPU per password here and adds little to the dictionaries' variants.
    useLevenshteinDistance: false,
  });
  return estimator;
}

export interface PasswordAssessment {
  score: ZxcvbnResult["score"];
  strong: boolean;
  /** zxcvbn's own English advice: what makes it weak and how to do better. */
  warning: string | null;
  suggestions: string[];
}

/** `personalWords`: the account's e-mail, name and the like, which make a password easy for those who know them. */
export function assessPassword(password: string, personalWords: string[] = []): PasswordAssessment {
  const userInputs = [...PRODUCT_WORDS, ...personalWords.flatMap((word) => [word, ...word.split(/[\s@._+-]+/)])]
    .map((word) => word.toLowerCase())
    .filter((word) => word.length >= 3);
  const result = passwordEstimator().check(password, userInputs);
  return {
    score: result.score,
    strong: result.score >= MIN_PASSWORD_SCORE,
    warning: result.feedback.warning || null,
    suggestions: result.feedback.suggestions,
  };
}

/** Throws a 422 naming the `password` field, with zxcvbn's advice, when the password is easy to guess. */
export function assertStrongPassword(password: string, personalWords: string[] = []): void {
  const assessment = assessPassword(password, personalWords);
  if (assessment.strong) return;
  const advice = [assessment.warning, ...assessment.suggestions].filter(Boolean);
  const message = ["too easy to guess.", ...(advice.length > 0 ? advice : ["Use a few unrelated words, or make it longer."])].join(" ");
  throw new AppError("validation_failed", `Invalid password: ${message}`, {
    fields: [{ field: "password", message }],
    details: { reason: "weak_password", score: assessment.score },
  });
}
