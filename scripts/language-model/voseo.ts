// Rewrites Spanish text addressed as "tú" into the voseo of the River Plate and Central America ("vos tenés",
// "decime", "sos"), for training text only. The Spanish the model learnt from (the 1909 Bible, prompts, tutorials)
// has no voseo, so "Vos sos el mejor amigo que tengo." was Asturian and "Vos tenés que venir a la fiesta, che." was
// blocked in a Spanish item. Apertium's Spanish analyser and tagger (apertium-es-gl, build
// machine only) say which words are second-person singular verbs and pronouns; the voseo form is made from the
// infinitive, which is regular in every verb but ser, ir and haber.
import { execFileSync } from "node:child_process";

const PAIR = process.env.APERTIUM_ES_DIR ?? "/usr/share/apertium/apertium-es-gl";

/** A lexical unit of the tagger's output: what was written, and the analysis the tagger chose. */
const UNIT = /\^((?:[^/$\\]|\\.)*)\/((?:[^$\\]|\\.)*)\$/g;

/** Apertium's analyses of each line, one tagged string per line. */
function tagged(lines: readonly string[]): string[] {
  // Apertium's stream format reserves these characters; escaped, they come back escaped in the blanks and surfaces.
  const text = lines.map((line) => line.replace(/[\n\r]/g, " ").replace(/[\\^$@/<>[\]{}]/g, "\\$&")).join("\n") + "\n";
  const analysed = execFileSync("lt-proc", ["-a", `${PAIR}/es-gl.automorf.bin`], { input: text, maxBuffer: 1 << 30 });
  const disambiguated = execFileSync("cg-proc", [`${PAIR}/es-gl.rlx.bin`], { input: analysed, maxBuffer: 1 << 30 });
  const out = execFileSync("apertium-tagger", ["-g", "-p", `${PAIR}/es-gl.prob`], { input: disambiguated, maxBuffer: 1 << 30 });
  const result = out.toString("utf8").split("\n");
  if (result.length < lines.length) throw new Error(`the tagger returned ${result.length} lines for ${lines.length}`);
  return result.slice(0, lines.length);
}

const unescape = (s: string) => s.replace(/\\(.)/g, "$1");

/** The surface with the first letter's case of `like`. */
function withCaseOf(like: string, word: string): string {
  return like[0] !== undefined && like[0] !== like[0].toLowerCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
}

const STRESSED: Record<string, string> = { a: "á", e: "é", i: "í" };

/** The infinitive's stem and theme vowel ("tener" → "ten", "e"), or undefined for what is not an infinitive. */
function stemOf(infinitive: string): [string, string] | undefined {
  const match = /^(.*)([aeií])r$/.exec(infinitive.toLowerCase());
  if (!match) return undefined;
  return [match[1]!, match[2] === "í" ? "i" : match[2]!];
}

const hasVowel = (s: string) => /[aeiouáéíóú]/.test(s);

/** Voseo present, second person singular: "tenés", "sos", "vas"; undefined where it is the form of "tú" too. */
export function voseoPresent(infinitive: string): string | undefined {
  const irregular: Record<string, string> = { ser: "sos", ir: "vas", haber: "has" };
  const lemma = infinitive.toLowerCase();
  if (irregular[lemma]) return irregular[lemma];
  const stem = stemOf(lemma);
  if (!stem || !hasVowel(stem[0])) return undefined; // "das", "ves": the same in both.
  return stem[0] + STRESSED[stem[1]]! + "s";
}

/**
 * Voseo imperative, with its enclitic pronouns: "tené", "vení", "decime", "decímelo", "andate". Stressed on the
 * theme vowel, so it bears the accent alone and with two pronouns, not with one.
 */
export function voseoImperative(infinitive: string, clitics: readonly string[]): string | undefined {
  const lemma = infinitive.toLowerCase();
  if (lemma === "ser" && clitics.length === 0) return "sé";
  const stem = lemma === "ir" ? (["and", "a"] as [string, string]) : stemOf(lemma);
  if (!stem || !hasVowel(stem[0])) return undefined;
  const vowel = clitics.length === 1 ? stem[1] : STRESSED[stem[1]]!;
  return stem[0] + vowel + clitics.join("");
}

/**
 * One lexical unit in voseo, or undefined to keep it as written. After a determiner a word the tagger read as a
 * verb is a noun ("la haz", "tus sobras"), and is kept.
 */
function voseoUnit(surface: string, analysis: string, previous: string): string | undefined {
  const [head = "", ...rest] = analysis.split("+");
  const lemma = head.replace(/<.*$/, "");
  if (/^(tú|ti)<prn><tn><p2>/i.test(head)) return withCaseOf(surface, "vos");
  if (/^a ti<adv>/i.test(head)) return withCaseOf(surface, "a vos");
  if (/^contigo<prn>/i.test(head)) return withCaseOf(surface, "con vos");
  if (/<det>/.test(previous)) return undefined;
  if (/<pri><p2><sg>/.test(head) && rest.length === 0) {
    const form = voseoPresent(lemma);
    return form && withCaseOf(surface, form);
  }
  if (/<imp><p2><sg>/.test(head)) {
    // The tagger sometimes repeats a pronoun ("sentar+te+te" for "siéntate").
    const clitics = rest.map((part) => part.replace(/<.*$/, "").toLowerCase()).filter((c, i, all) => c !== all[i - 1]);
    const form = voseoImperative(lemma, clitics);
    return form && withCaseOf(surface, form);
  }
  return undefined;
}

/** Each line in voseo (the same line where nothing was addressed as "tú"). */
export function toVoseo(lines: readonly string[]): string[] {
  return tagged(lines).map((line, i) => {
    let changed = false;
    let rewritten = "";
    let end = 0;
    let previous = "";
    for (const unit of line.matchAll(UNIT)) {
      const surface = unescape(unit[1]!);
      const voseo = voseoUnit(surface, unit[2]!, previous);
      previous = unit[2]!;
      if (voseo !== undefined && voseo !== surface) changed = true;
      rewritten += unescape(line.slice(end, unit.index)) + (voseo ?? surface);
      end = unit.index + unit[0].length;
    }
    return changed ? rewritten + unescape(line.slice(end)) : lines[i]!;
  });
}
