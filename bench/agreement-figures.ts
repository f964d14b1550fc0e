// How long the agreement figures of one group take: `node --import tsx bench/agreement-figures.ts 2000` (items).
// Each figure is a 1,000-resample bootstrap; the report computes one group per language, reviewer, pair, guideline
// version and month, so a programme's page costs a few times this.
import { agreementFigures } from "@/lib/review-quality/agreement-figures";
import { seededRandom } from "@/lib/seeded-random";

const count = Number(process.argv[2] ?? 2000);
const random = seededRandom(7);
const units = Array.from({ length: count }, (_, index) => ({
  itemId: String(index),
  round: 1,
  language: "es" as const,
  guidelineVersion: 1,
  decisions: [0, 1].map((offset) => ({
    reviewerId: `reviewer-${(index + offset) % 7}`,
    approve: random() < 0.8,
    scores: Array.from({ length: 5 }, () => 1 + Math.floor(random() * 5)),
    at: new Date(Date.UTC(2026, 10, 1)),
  })),
}));
const started = process.hrtime.bigint();
agreementFigures("all", "", units);
console.log(`${count} items, one group (agreement, κ, five α, each with its bootstrap): ${Number(process.hrtime.bigint() - started) / 1e6} ms`);
