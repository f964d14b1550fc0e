// Measures how many synthetic items per second checkJsonLines checks on one core (prints, never asserts).
// Usage: node --import tsx bench/quality-check-throughput.ts [items=20000]
import { checkJsonLines } from "@/lib/quality/check-jsonl";
import { ITEM_CATEGORIES, ITEM_LANGUAGES, type ItemCategory, type ItemLanguage } from "@/lib/vocabulary";

const SENTENCES: Record<ItemLanguage, string[]> = {
  es: [
    "El río Tajo atraviesa la península ibérica de este a oeste antes de desembocar en Lisboa.",
    "Para preparar una buena tortilla hacen falta huevos, patatas, aceite de oliva y paciencia.",
    "Puedes escribir a la secretaría en secretaria@ejemplo.es o llamar al 612 345 678.",
  ],
  ca: [
    "La Pica d'Estats és la muntanya més alta de Catalunya, amb més de tres mil metres.",
    "Els castellers aixequen torres humanes a les places dels pobles durant la festa major.",
    "El pagament es fa al compte ES91 2100 0418 4502 0005 1332 abans de divendres.",
  ],
  eu: [
    "Hiru Errege Mahaia Nafarroako mendirik altuena da eta udan askok igotzen dute.",
    "Bertsolariek bat-batean abesten dituzte bertsoak plazan, entzuleen aurrean.",
    "Idazkaritzara idatz dezakezu idazkaritza@adibidea.eus helbidera edozein unetan.",
  ],
  gl: [
    "O Miño é o río máis longo de Galicia e marca a fronteira con Portugal no seu tramo final.",
    "O polbo á feira sérvese con aceite, sal grosa e pemento picante sobre un prato de madeira.",
    "O servidor da biblioteca responde no enderezo 192.168.10.20 desde onte pola tarde.",
  ],
};

function syntheticItem(i: number): string {
  const language = ITEM_LANGUAGES[i % ITEM_LANGUAGES.length] as ItemLanguage;
  const category = ITEM_CATEGORIES[Math.floor(i / ITEM_LANGUAGES.length) % ITEM_CATEGORIES.length] as ItemCategory;
  const sentences = SENTENCES[language];
  const pick = (k: number) => sentences[(i + k) % 2] ?? "";
  const needsContext = category === "closed_qa" || category === "summarization" || category === "information_extraction";
  return JSON.stringify({
    language,
    category,
    instruction: `${pick(0)} (${i})`,
    context: needsContext ? [pick(1), pick(0), pick(1), pick(0)].join(" ") : null,
    // One item in ten carries the sentence with PII, as an unedited import might.
    response: [pick(1), pick(0), i % 10 === 0 ? (sentences[2] ?? "") : pick(1)].join(" "),
  });
}

async function* syntheticLines(count: number): AsyncIterable<string> {
  for (let i = 0; i < count; i++) yield syntheticItem(i);
}

async function main() {
  const count = Number(process.argv[2] ?? 20_000);
  let blocked = 0;
  // Warm up the language model and the JIT so the figure measures steady state.
  await checkJsonLines(syntheticLines(200), () => {});
  const started = process.hrtime.bigint();
  // CPU time too: on a shared machine the wall clock counts time spent waiting for a core.
  const cpuStarted = process.cpuUsage();
  const { lines } = await checkJsonLines(syntheticLines(count), (line) => {
    if (line.includes('"blocked":true')) blocked++;
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `checkJsonLines: ${lines} items in ${seconds.toFixed(2)} s = ${Math.round(lines / seconds)} items/s (one core; ${blocked} blocked); ` +
      `${cpuSeconds.toFixed(2)} s of CPU = ${Math.round(lines / cpuSeconds)} items per CPU-second`,
  );
}

void main();
