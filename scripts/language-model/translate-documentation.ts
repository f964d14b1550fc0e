// Gives the neighbours that have no documentation in Debian (Asturian, Aragonese, Occitan) some, by translating part
// of the Spanish training documentation with Apertium. Without it those classes would hold only register text while
// es/ca/gl hold mostly documentation, and the model would learn "everyday register" as a sign of Asturian.
//
// Run after prepare-data.ts (build machine only, needs Apertium, see register-data.ts):
//   node --import tsx scripts/language-model/translate-documentation.ts
// Reads only TRAIN_DIR/es.txt (training documents), so nothing of the development or evaluation sets is translated.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TRAIN_DIR } from "./prepare-data";
import { translate } from "./register-data";

/** Characters of Spanish documentation translated per mode. */
const CHARS = Number(process.env.DOC_CHARS ?? 600_000);

const MODES: [string, string][] = [["ast", "spa-ast"], ["an", "spa-arg"], ["oc", "es-oc"], ["oc", "es-oc_aran"]];

const lines = readFileSync(join(TRAIN_DIR, "es.txt"), "utf8").split("\n").filter(Boolean);
const total = lines.join("\n").length;
// Evenly spaced lines, a different share for each mode so the two Occitan varieties don't translate the same text.
const out = new Map<string, string[]>();
MODES.forEach(([language, mode], m) => {
  const every = Math.max(1, Math.round(total / CHARS));
  const picked = lines.filter((_, i) => i % every === m % every);
  const translated = translate(mode, picked);
  out.set(language, [...(out.get(language) ?? []), ...translated]);
  console.log(`${mode}: ${picked.length} lines, ${picked.join(" ").length} chars -> ${translated.length} lines`);
});
mkdirSync(join(TRAIN_DIR, "translated"), { recursive: true });
for (const [language, text] of out) writeFileSync(join(TRAIN_DIR, "translated", `${language}.txt`), text.join("\n") + "\n");
