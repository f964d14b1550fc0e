// Personal data as people actually write it (issue 19): spaced and dotted identifiers, e-mails spelled out in
// es/ca/eu/gl/en, one verdict per identifier, context words around numbers, and spans that cover what a person masks.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { findPii, maskPii, maskPiiCounting } from "@/lib/quality/pii";
import { piiMatchOutputSchema } from "@/lib/quality/schemas";
import { assertClean, assertFinds, found } from "@/tests/support/pii-assertions";

describe("DNI and NIE with dots, spaces or dashes between the digit groups", () => {
  test("es, ca, eu, gl", () => {
    assertFinds("Para el alta necesito tu DNI: 45 678 123 P, gracias.", "dni", "45 678 123 P");
    assertFinds("El DNI de l'avi és el 30.123.987-J, el tinc apuntat.", "dni", "30.123.987-J");
    assertFinds("Nire NANa 73-254-119-Q da, idatzi ondo.", "dni", "73-254-119-Q");
    assertFinds("O DNI do meu fillo é 18765432 P.", "dni", "18765432 P");
    assertFinds("El NIE que me dieron es X-2.345.678-T.", "nie", "X-2.345.678-T");
    assertFinds("El seu NIE és Y 3456789 H, no el d'abans.", "nie", "Y 3456789 H");
    assertFinds("Haren AIZ zenbakia Z 9 876 543 A da.", "nie", "Z 9 876 543 A");
  });
  test("a wrong check letter, mixed separators or a following one-letter word are left alone", () => {
    assertClean("Puso 45 678 123 Q en el formulario y se lo devolvieron.");
    assertClean("Tenia 30.123 987-J, amb els punts mal posats.");
    // "y" here is the conjunction, even if 12345678 % 23 happens to be "Y"'s turn for some number.
    assertClean("Entre 45.678.123 e 46.000.000 de persoas viven na rexión.");
    assertClean("O NIE Z 9 876 543 B ten a letra mal.");
  });
});

describe("Spanish phones in every grouping", () => {
  test("dotted, spaced, dashed, with and without +34, in the four languages", () => {
    assertFinds("Llámame al 622.118.904 cuando salgas del trabajo.", "phone", "622.118.904");
    assertFinds("El meu mòbil és el 633 21 45 87, truca'm a la tarda.", "phone", "633 21 45 87");
    assertFinds("Deitu +34 644-552-310 zenbakira edozein ordutan.", "phone", "+34 644-552-310");
    assertFinds("Chama ao +34 655.123.789 se non estou na casa.", "phone", "+34 655.123.789");
    assertFinds("Teléfono fijo: 981.23.45.67 (mañanas).", "phone", "981.23.45.67");
    assertFinds("Truca al 93 412 34 56 per reservar.", "phone", "93 412 34 56");
    assertFinds("Mugikorra: 677 889900, WhatsApp bidez hobe.", "phone", "677 889900");
  });
  test("counts, amounts and references that have the shape of a phone", () => {
    assertClean("El proyecto costó 622.118.904 euros al erario.");
    assertClean("Van votar 633.214.587 persones, segons l'organització.");
    assertClean("Webguneak 644.552.310 bisita izan zituen iaz.");
    assertClean("O parque recibiu 655.123.789 visitas en dez anos.");
    assertClean("En el censo de la ciudad salen 722.118.904 registros.");
  });
});

describe("cards and IBANs with dots or dashes, and the bank's own grouping of an IBAN", () => {
  test("cards", () => {
    assertFinds("Pagué con la 4474.6917.0245.5416 y no llegó el pedido.", "card", "4474.6917.0245.5416");
    assertFinds("Targeta de l'empresa: 5232-4810-3703-7356.", "card", "5232-4810-3703-7356");
    assertFinds("Amex txartela: 3778 049267 71544.", "card", "3778 049267 71544");
  });
  test("IBANs", () => {
    assertFinds("Ingresa la fianza en ES38 0081 1234 56 1234567890, por favor.", "iban", "ES38 0081 1234 56 1234567890");
    assertFinds("Compte per als rebuts: ES07-0182-1234-9900-0123-4567.", "iban", "ES07-0182-1234-9900-0123-4567");
    assertFinds("Kontua ES28.2080.3000.1230.1234.5678 da.", "iban", "ES28.2080.3000.1230.1234.5678");
  });
  test("a card with mixed separators is not a card", () => {
    assertClean("Código de seguimiento 4474 6917-0245.5416 del paquete.");
  });
});

describe("e-mail addresses spelled out", () => {
  const spelled: [string, string][] = [
    ["Mi correo es rocio.santos arroba gmail punto com, escríbeme.", "rocio.santos arroba gmail punto com"],
    ["Envíalo a facturas(arroba)talleresperez(punto)es antes del día 5.", "facturas(arroba)talleresperez(punto)es"],
    ["Escriu a marc punt vidal arrova gmail punt com si vols venir.", "marc punt vidal arrova gmail punt com"],
    ["Inscripcions: casal[arrova]santjust[punt]cat", "casal[arrova]santjust[punt]cat"],
    ["Idatzi amaia.zubiri a bildua gmail puntu com helbidera.", "amaia.zubiri a bildua gmail puntu com"],
    ["Harremanetarako: bulegoa (arroba) herriko-ikastola (puntu) eus", "bulegoa (arroba) herriko-ikastola (puntu) eus"],
    ["Escríbeme a xoana.pena arroba edu.xunta.gal e respondoche.", "xoana.pena arroba edu.xunta.gal"],
    ["Correo da asociación: veciñanza[en]aldea[punto]gal", "veciñanza[en]aldea[punto]gal"],
    ["Contact the organisers at events [at] example-festival [dot] org.", "events [at] example-festival [dot] org"],
    ["Write to jane dot doe at uni dot edu for the slides.", "jane dot doe at uni dot edu"],
    ["Mi correo: PEDRO.GIL ARROBA YAHOO PUNTO ES", "PEDRO.GIL ARROBA YAHOO PUNTO ES"],
    ["El correo es lucia @ correo.es, sin espacios.", "lucia @ correo.es"],
  ];
  for (const [sentence, address] of spelled) {
    test(sentence, () => {
      const matches = findPii(sentence);
      assert.deepEqual(found(sentence), [["email", address]]);
      assert.equal(matches[0]?.obfuscated, true, "reported as obfuscated");
    });
  }
  test("an address written plainly is not marked obfuscated", () => {
    const [match] = findPii("Escribe a rocio.santos@gmail.com mañana.");
    assert.equal(match?.obfuscated, undefined);
  });
  test("the words for @ and . in their everyday senses are left alone", () => {
    assertClean("Mi abuelo vendía el aceite por arrobas; una arroba de aceite punto.");
    assertClean("Quedem a les vuit en punt; la rova de blat pesava molt.");
    assertClean("Gela a bildua da, baina ez dago helbiderik puntu honetan.");
    assertClean("Pon o punto final e mándao; a arroba vai diante do usuario: @xoana.");
    assertClean("Meet us at the station dot matrix display, near platform 4.");
    assertClean("We stayed at home dot com bubble times were different.");
    assertClean("Síguenos en @rutasdelvino y en facebook punto com barra rutas.");
    assertClean("Segueix-nos a Instagram arrova forn.delcarrer per veure les novetats.");
  });
  test("masking replaces the whole spelled-out address", () => {
    assert.equal(maskPii("Escriu a marc punt vidal arrova gmail punt com si vols."), "Escriu a [EMAIL] si vols.");
    assert.equal(maskPii("Idatzi bulegoa (arroba) ikastola (puntu) eus helbidera."), "Idatzi [EMAIL] helbidera.");
  });
  test("the finding's schema takes the flag and still reads reports stored without it", () => {
    assert.deepEqual(piiMatchOutputSchema.parse({ type: "email", start: 0, end: 5, obfuscated: true }), { type: "email", start: 0, end: 5, obfuscated: true });
    assert.deepEqual(piiMatchOutputSchema.parse({ type: "email", start: 0, end: 5 }), { type: "email", start: 0, end: 5 });
  });
});

describe("one identifier, one verdict", () => {
  test("an IBAN with a bad checksum is not re-read as the card its last 16 digits make", () => {
    // 4516 1722 4792 3630 passes Luhn and starts like a Visa; the IBAN's check digits are one off (79 is right).
    assertClean("La cuenta ES80 4363 4516 1722 4792 3630 no existe, dice el banco.");
    assertClean("El compte ES8043634516172247923630 no existeix.");
    assertFinds("La buena es ES79 4363 4516 1722 4792 3630.", "iban", "ES79 4363 4516 1722 4792 3630");
  });
  test("a DNI's digits are not read as a phone, nor a landline written with dots as an IP address", () => {
    assertFinds("DNI 72 345 678 Y entregado.", "dni", "72 345 678 Y");
    assertFinds("Deitu 94.423.45.67 zenbakira.", "phone", "94.423.45.67");
  });
});

describe("context words make a number a version, a reference or a count", () => {
  test("versions, before the number or (in Basque) after it", () => {
    assertClean("Hay que actualizar a la versión 4.2.0.17 del cliente.");
    assertClean("Cal instal·lar la versió 5.1.3.200 del controlador.");
    assertClean("5.1.3.200 bertsioan konpondu zuten akatsa.");
    assertClean("Eguneratu 6.0.2.11 bertsiora lehenbailehen.");
    assertClean("A versión 7.3.1.5 do programa xa está dispoñible.");
    assertFinds("El servidor 172.16.4.20 sigue caído.", "ip", "172.16.4.20");
  });
  test("sections of a document numbered in four levels", () => {
    assertClean("Según el apartado 2.3.1.4 de las bases, el plazo es de diez días.");
    assertClean("Ho diu l'article 4.1.2.3 del conveni.");
    assertClean("Begiratu 3.2.1.1 atalean dagoen taula.");
    assertClean("O capítulo 5.4.3.2 trata das excepcións.");
  });
  test("references and orders", () => {
    assertClean("Ref. 622 118 904 — consérvala para la garantía.");
    assertClean("Número de comanda: 633214587.");
    assertClean("633214587 erreferentzia duen eskaera atzeratu da.");
    assertClean("644552310 zenbakiko faktura ordaindu gabe dago.");
    assertClean("O expediente n.º 655 123 789 segue en trámite.");
  });
});

describe("spans cover what a person would mask", () => {
  test("the port with the address, and the IPv6 zone", () => {
    assertFinds("Entra a 192.168.50.2:8443 con tu usuario.", "ip", "192.168.50.2:8443");
    assertFinds("El proxy escolta a [2001:db8:4::2]:3128.", "ip", "[2001:db8:4::2]:3128");
    assertFinds("Interfazea fe80::a00:27ff:fe4e:66a1%enp0s3 da.", "ip", "fe80::a00:27ff:fe4e:66a1%enp0s3");
    assertFinds("O porto non é válido en 10.1.1.1:99999.", "ip", "10.1.1.1");
  });
  test("masking replaces address and port together", () => {
    assert.deepEqual(maskPiiCounting("Connecta't a 10.8.0.1:1194 i a fe80::1%wlan0."), { text: "Connecta't a [IP] i a [IP].", spans: 2 });
  });
});

describe("the detector stays linear on hostile input", () => {
  // Each string is 10 KB built to make a backtracking pattern try every split; the answers are asserted, not timed.
  const hostile: [string, string, number][] = [
    ["spelled dots without an at", "ana punto ".repeat(1_000), 0],
    ["at-words without a domain", "a arroba ".repeat(1_100), 0],
    ["bare at-signs", "@".repeat(10_000), 0],
    ["at-signs between letters", "a@".repeat(5_000), 0],
    ["brackets that never close", "[at ".repeat(2_500), 0],
    ["dotted digits", "1.".repeat(5_000), 0],
    ["spaced digits", "6 ".repeat(5_000), 0],
    ["hex and colons", "fe80:".repeat(2_000), 0],
    ["long whitespace before a word for @", `ana${" ".repeat(10_000)}arroba gmail punto com`, 0],
    ["one long label", `ana arroba ${"a".repeat(10_000)} punto com`, 0],
    ["many valid spelled addresses", "ana arroba b punto com ".repeat(500), 500],
  ];
  for (const [name, text, count] of hostile) {
    test(name, () => assert.equal(findPii(text).length, count));
  }
});
