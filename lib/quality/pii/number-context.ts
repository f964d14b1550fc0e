// Words around a number, in es/ca/eu/gl/en, that say what it is: a version, a reference or a count (so not an
// address or a phone), or a phone (so a dotted "612.345.678" is dialled, not counted).

// A number-sign filler between the word and the number: "ref. 612…", "pedido n.º 612…", "zk.: 612…".
const FILLER = String.raw`(?:\s*(?:(?:n\.?\s?[ºo°]|núm|num|número|zk|zenbakia|es|és|é|is|da|el|o)(?![\p{L}])\.?|[#:\-]))*\s*`;

// Software versions: "versión 1.2.3.4", "versió", "v", "build", "release"; Basque puts the noun after the
// number, inflected: "2.0.3.179 bertsioan", "bertsiora", "bertsioko".
const VERSION_WORDS = String.raw`versi[oó]n|versió|versão|version|vers\.|ver\.|v|build|release|compilaci[oó]n|compilació|firmware|revisi[oó]n|revisió|bertsioa|bertsio`;
// References and counters that are numbered like phones: orders, invoices, files, lots, serial numbers.
const REFERENCE_WORDS = String.raw`ref\.?|refer[eè]ncia|referencia|erreferentzia|pedido|comanda|eskaera|expediente|expedient|espediente|factura|fatura|faktura|albar[aá]n|albarà|localizador|lote|lot|serie|sèrie|sorta|kodea|c[oó]digo|codi|order|invoice|ticket|tiquet|registro|registre|erregistro|matr[ií]cula`;

const NOT_A_CONTACT_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])(?:${VERSION_WORDS}|${REFERENCE_WORDS})${FILLER}$`, "iu");

// After the number: Basque nouns (optionally with "zenbakiko"/"zenbakidun": "612345678 zenbakiko eskaera"),
// and in every language the things one counts or pays.
const NOT_A_CONTACT_AFTER = new RegExp(
  String.raw`^\s*(?:(?:zenbakiko|zenbakidun|zk\.?)\s+)?(?:bertsio|erreferentzi|eskaera|faktura|espediente|albaran|sorta|kode)` +
    String.raw`|^\s*(?:€|\$|%|eur\b|euros?\b|d[oó]lares\b|habitantes\b|habitants\b|biztanle|persoas\b|personas\b|persones\b|pertsona|` +
    String.raw`visitas\b|visites\b|bisita|visitantes\b|visitants\b|bisitari|espectadores\b|espectadors\b|ikusle|seguidores\b|seguidors\b|jarraitzaile|botellas\b|ampolles\b|botila|votos\b|vots\b|boto\b|toneladas\b|tones\b|tona\b|km\b|kg\b|litros\b|litres\b|litro\b|` +
    String.raw`unidades\b|unitats\b|unitate|ejemplares\b|exemplars\b|exemplares\b|ale\b|usuarios\b|usuaris\b|erabiltzaile|people\b|users\b)`,
  "iu",
);

// Said near a phone number: the noun, the verb to call, the messaging apps, "my number".
const PHONE_CUE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:tel|telf|tfno|tlf|tlfno|tel[eé]fono\p{L}*|telèfon\p{L}*|telefono\p{L}*|m[oó]vil\p{L}*|mòbil\p{L}*|m[oó]bil\p{L}*|` +
    String.raw`mugikor\p{L}*|fijo|fixo|fix|ll[aá]ma\p{L}*|truca\p{L}*|truqu\p{L}*|deitu\p{L}*|deitze\p{L}*|ch[aá]ma\p{L}*|` +
    String.raw`whats?app|wasap|bizum|fax|sms|cont[aà]ct\p{L}*|kontaktu\p{L}*|mensaj\p{L}*|missatge\p{L}*|mezu\p{L}*|mensax\p{L}*|` +
    String.raw`av[ií]s\p{L}*|abisa\p{L}*|zenbakira|zenbakian|zenbakitik|phone|call|` +
    String.raw`mi n[uú]mero|el meu n[uú]mero|o meu n[uú]mero|nire zenbakia|my number)(?![\p{L}])`,
  "iu",
);

/** Whether the words right before or after the number at [start, end) make it a version, reference or count. */
export function isVersionReferenceOrCount(text: string, start: number, end: number): boolean {
  return NOT_A_CONTACT_BEFORE.test(text.slice(Math.max(0, start - 40), start)) || NOT_A_CONTACT_AFTER.test(text.slice(end, end + 40));
}

// Numbered parts of a document, whose four-level numbers look like IPv4 addresses: "apartado 1.2.3.4";
// Basque after the number, inflected: "2.1.3.4 atalean", "artikuluan", "kapituluan".
const SECTION_WORDS = String.raw`art[ií]culo|article|artigo|artikulua|apartado|apartat|sección|secció|secc?\.|cap[ií]tulo|capítol|cap\.|` +
  String.raw`kapitulua|atala|punto|punt|puntua|anexo|annex|annexo|eranskina|tabla|taula|táboa|figura|fig\.|irudia|norma|nota|paso|pas|urratsa`;
const VERSION_OR_SECTION_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])(?:${VERSION_WORDS}|${SECTION_WORDS})${FILLER}$`, "iu");
const VERSION_OR_SECTION_AFTER = /^\s*(?:bertsio|eguneratze|adabaki|version\b|atal|artikulu|kapitulu|puntu|eranskin|taula|irudi|urrats)/iu;

/** Whether the IPv4-shaped number at [start, end) is named as a version or a section ("versión 1.2.3.4"). */
export function isVersionOrSection(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  return VERSION_OR_SECTION_BEFORE.test(before) || VERSION_OR_SECTION_AFTER.test(text.slice(end, end + 30));
}

// The dialling idiom right before the number: es/ca "al", gl "ao"/"ó"/"no" ("llama al 612…", "contactade no 612…").
const DIALLED_BEFORE = /(?:^|[^\p{L}])(?:al|ao|ó|no)\s+$/iu;

/** Whether a phone cue is said within the sentence around [start, end), or the number is "dialled" ("al 612…"). */
export function hasPhoneCue(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  return DIALLED_BEFORE.test(before) || PHONE_CUE.test(before) || PHONE_CUE.test(text.slice(end, end + 30));
}
