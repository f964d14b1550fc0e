// Measures how many items per second checkJsonLines checks on one core (prints, never asserts), next to its floor
// measured in the same run: the same items made, parsed and answered with a line each, without any check. The items'
// texts are the language-identification test sets' lines of our four languages (some 6,400 different lines, so the
// identifier's cache of word costs meets new words as it would on real input, not the same few sentences again), and
// one item in ten carries a sentence with personal data, as an unedited import might.
// Usage: node --import tsx bench/quality-check-throughput.ts [items=20000]
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkJsonLines } from "@/lib/quality/check-jsonl";
import { ITEM_CATEGORIES, ITEM_LANGUAGES, type ItemCategory, type ItemLanguage } from "@/lib/vocabulary";

const FIXTURES = path.join(import.meta.dirname, "..", "tests", "fixtures", "language-id");
const LINES: Record<ItemLanguage, string[]> = { es: [], ca: [], eu: [], gl: [] };
for (const set of ["eval", "register", "short"]) {
  for (const line of readFileSync(path.join(FIXTURES, `${set}.jsonl`), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const { text, language } = JSON.parse(line) as { text: string; language: string };
    if (language in LINES) LINES[language as ItemLanguage].push(text);
  }
}

const WITH_PERSONAL_DATA: Record<ItemLanguage, string> = {
  es: "Puedes escribir a la secretaría en secretaria@ejemplo.es o llamar al 612 345 678.",
  ca: "El pagament es fa al compte ES91 2100 0418 4502 0005 1332 abans de divendres.",
  eu: "Idazkaritzara idatz dezakezu idazkaritza@adibidea.eus helbidera edozein unetan.",
  gl: "O servidor da biblioteca responde no enderezo 192.168.10.20 desde onte pola tarde.",
};

function syntheticItem(i: number): string {
  const language = ITEM_LANGUAGES[i % ITEM_LANGUAGES.length] as ItemLanguage;
  const category = ITEM_CATEGORIES[Math.floor(i / ITEM_LANGUAGES.length) % ITEM_CATEGORIES.length] as ItemCategory;
  const lines = LINES[language];
  // Each field takes another line, spread over the whole pool.
  const pick = (k: number) => lines[(i * 7 + k * 1_009) % lines.length] ?? "";
  const needsContext = category === "closed_qa" || category === "summarization" || category === "information_extraction";
  return JSON.stringify({
    language,
    category,
    instruction: pick(0),
    context: needsContext ? [pick(1), pick(2), pick(3), pick(4)].join(" ") : null,
    response: [pick(5), pick(6), i % 10 === 0 ? WITH_PERSONAL_DATA[language] : pick(7)].join(" "),
  });
}

async function* syntheticLines(count: number): AsyncIterable<string> {
  for (let i = 0; i < count; i++) yield syntheticItem(i);
}

/**
 * Items per second and per CPU-second of `run`, which returns how many items it went through. CPU time too: on a
 * shared machine the wall clock counts time spent waiting for a core.
 */
async function measure(run: () => Promise<number>): Promise<string> {
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  const items = await run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return (
    `${items} items in ${seconds.toFixed(2)} s = ${Math.round(items / seconds)} items/s; ` +
    `${cpuSeconds.toFixed(2)} s of CPU = ${Math.round(items / cpuSeconds)} items per CPU-second`
  );
}

/** The floor: the same items made, parsed and answered with one JSON line each, and nothing checked. */
async function parseAndAnswer(count: number, output: (line: string) => void): Promise<number> {
  let items = 0;
  for await (const line of syntheticLines(count)) {
    const item = JSON.parse(line) as { language: string };
    output(JSON.stringify({ language: item.language, problems: [] }));
    items++;
  }
  return items;
}

async function main() {
  const count = Number(process.argv[2] ?? 20_000);
  let blocked = 0;
  // Warm up the language model and the JIT so the figure measures steady state.
  await checkJsonLines(syntheticLines(200), () => {});
  await parseAndAnswer(200, () => {});
  const check = await measure(async () => {
    const { lines } = await checkJsonLines(syntheticLines(count), (line) => {
      if (line.includes('"blocked":true')) blocked++;
    });
    return lines;
  });
  const floor = await measure(() => parseAndAnswer(count, () => {}));
  console.log(`checkJsonLines (one core; ${blocked} blocked): ${check}`);
  console.log(`floor, the same items made, parsed and answered, nothing checked: ${floor}`);
}

void main();
