// Locality-sensitive keys for near-duplicate search: MinHash over word pairs, grouped in bands. Two texts that
// share most word pairs share at least one band key with high probability, so the database finds candidates
// with a few exact probes of one index instead of scoring every text; candidates are then scored exactly.
import { normaliseForDuplicates } from "@/lib/quality/duplicate-normalisation";
import type { ItemLanguage } from "@/lib/vocabulary";

export const SIMILARITY_BANDS = 16;
export const SIMILARITY_ROWS = 4;
/** Responses are keyed on their first words; long answers that share an opening are what copying looks like. */
export const RESPONSE_KEY_WORDS = 80;

const FIELD_CODES = { instruction: 1, response: 2 } as const;
export type KeyedField = keyof typeof FIELD_CODES;
export const KEYED_FIELDS: readonly KeyedField[] = ["instruction", "response"];

/**
 * A key holds its text's language, so a lookup finds only texts of that language: texts of other languages that share
 * a band by chance (common phrases, short texts, code) were read from the table and then thrown away. The numbers are
 * stored in every key: never renumber them (migration 20261208090000 added them to the keys stored before).
 */
export const LANGUAGE_CODES: Readonly<Record<ItemLanguage, number>> = { es: 1, ca: 2, eu: 3, gl: 4 };

/** FNV-1a, 32 bits: a fast, well-spread hash of a short string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: mixes a 32-bit value so that seeds give independent-looking hash functions. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: SIMILARITY_BANDS * SIMILARITY_ROWS }, (_, index) => mix(0x9e3779b9 + index * 0x632be5ab));

/**
 * The FNV-1a hashes of the text's shingles: word pairs of the normalised text (single words when it has fewer than
 * three), each hashed as it is read rather than built as a string first.
 */
function shingleHashes(normalised: string, maxWords: number): number[] {
  const words = normalised.split(" ").filter(Boolean).slice(0, maxWords);
  if (words.length < 3) return words.map(fnv1a);
  const hashes: number[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    // fnv1a(`${first} ${second}`), continued from the first word's hash.
    const second = words[i + 1]!;
    let hash = Math.imul(fnv1a(words[i]!) ^ 0x20, 0x01000193);
    for (let c = 0; c < second.length; c++) {
      hash ^= second.charCodeAt(c);
      hash = Math.imul(hash, 0x01000193);
    }
    hashes.push(hash >>> 0);
  }
  return hashes;
}

/**
 * The band keys of one field, as integers below 2^53 (stored as bigint): language code, field code, band number and a
 * 32-bit hash of the band's MinHash values. Empty text has no keys. A shingle seen twice changes no minimum, so
 * repeats are not removed first.
 */
export function similarityKeysOf(language: ItemLanguage, field: KeyedField, text: string): number[] {
  return similarityKeysOfNormalised(language, field, normaliseForDuplicates(text));
}

/** similarityKeysOf for text already in normaliseForDuplicates' form. */
function similarityKeysOfNormalised(language: ItemLanguage, field: KeyedField, normalised: string): number[] {
  const hashes = shingleHashes(normalised, field === "response" ? RESPONSE_KEY_WORDS : Infinity);
  if (hashes.length === 0) return [];
  const prefix = LANGUAGE_CODES[language] * 2 ** 44 + FIELD_CODES[field] * 2 ** 40;
  const keys: number[] = [];
  for (let band = 0; band < SIMILARITY_BANDS; band++) {
    let bandHash = 0x811c9dc5;
    for (let row = 0; row < SIMILARITY_ROWS; row++) {
      const seed = SEEDS[band * SIMILARITY_ROWS + row]!;
      let minimum = 0xffffffff;
      for (let h = 0; h < hashes.length; h++) {
        const value = mix(hashes[h]! ^ seed);
        if (value < minimum) minimum = value;
      }
      bandHash = mix(bandHash ^ minimum);
    }
    keys.push(prefix + band * 2 ** 32 + bandHash);
  }
  return keys;
}

/** The keys of one field among an item's keys (its field code is the key's bits 40–43). */
export function keysOfField(keys: readonly number[], field: KeyedField): number[] {
  return keys.filter((key) => Math.floor(key / 2 ** 40) % 16 === FIELD_CODES[field]);
}

export function itemSimilarityKeys(item: { language: ItemLanguage; instruction: string; response: string }): number[] {
  return itemSimilarityKeysOfNormalised(item.language, {
    instruction: normaliseForDuplicates(item.instruction),
    response: normaliseForDuplicates(item.response),
  });
}

/** itemSimilarityKeys for fields already in normaliseForDuplicates' form (duplicateKeysOf normalises them once). */
export function itemSimilarityKeysOfNormalised(language: ItemLanguage, normalised: { instruction: string; response: string }): number[] {
  return [
    ...similarityKeysOfNormalised(language, "instruction", normalised.instruction),
    ...similarityKeysOfNormalised(language, "response", normalised.response),
  ];
}
