// The time the product's rules go by (lease expiry, sessions, tokens, submission and decision times): the wall
// clock, unless a test has set it for its own process. Production cannot set it.
import { env } from "@/lib/env";

let fixedAt: number | null = null;

export function currentTime(): Date {
  return new Date(fixedAt ?? Date.now());
}

/** For tests: from here on, this process's rules see `at` (null: the wall clock again). Refused in production. */
export function setClockForTests(at: Date | null): void {
  if (env().NODE_ENV === "production") throw new Error("The clock can only be set in tests.");
  fixedAt = at === null ? null : at.getTime();
}
