import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { findPii, maskPii } from "@/lib/quality/pii";
import { assertClean, assertFinds } from "@/tests/support/pii-assertions";

describe("e-mail addresses", () => {
  test("plain, dotted, plus-tagged and accented addresses", () => {
    assertFinds("Escríbeme a maria.lopez@ejemplo.es cuando puedas.", "email", "maria.lopez@ejemplo.es");
    assertFinds("Envia-ho a jordi+campanya@correu.cat, si us plau.", "email", "jordi+campanya@correu.cat");
    assertFinds("Idatzi iñaki@posta.eus helbidera.", "email", "iñaki@posta.eus");
    assertFinds("O enderezo é xoan_rodriguez@concello.gal.", "email", "xoan_rodriguez@concello.gal");
  });
  test("an at-sign without a domain is not an address", () => {
    assertClean("Quedamos @ las 10 en la plaza, o escribe a @usuario en la red.");
    assertClean("El correu era maria@ejemplo sense domini.");
  });
});

describe("Spanish and international phone numbers", () => {
  test("Spanish mobiles and landlines in the usual groupings", () => {
    assertFinds("Llámame al 612 345 678 esta tarde.", "phone", "612 345 678");
    assertFinds("Truca al +34 912 345 678 per a més informació.", "phone", "+34 912 345 678");
    assertFinds("Deitu 0034-612-34-56-78 zenbakira.", "phone", "0034-612-34-56-78");
    assertFinds("Chame ao 91.234.56.78 pola mañá.", "phone", "91.234.56.78");
    assertFinds("Mi número es 699123456.", "phone", "699123456");
    assertFinds("Oficina: 93 456 78 90 (de 9 a 14 h).", "phone", "93 456 78 90");
    assertFinds("Llama al (91) 234 56 78 por la mañana.", "phone", "(91) 234 56 78");
    assertFinds("Fax (+34) 612 345 678.", "phone", "(+34) 612 345 678");
  });
  test("international numbers in E.164 and spaced forms", () => {
    assertFinds("La oficina de Londres atiende en el +44 20 7946 0958.", "phone", "+44 20 7946 0958");
    assertFinds("Truqueu a +14155552671 des de l'estranger.", "phone", "+14155552671");
  });
  test("numbers that only look like phones", () => {
    assertClean("El municipi té 512 345 678 habitants? No, és un nombre inventat que comença per 5.");
    assertClean("En el censo figuraban 612.345.678 personas.");
    assertClean("El presupuesto fue de 700 000 000 euros.");
    assertClean("Zenbakia 61234567 da, zortzi digitu besterik ez.");
    assertClean("O prezo subiu un +1.234.567 € en dous anos.");
    assertClean("La deuda municipal asciende a 612345678 € este año.");
  });
});

describe("DNI and NIE", () => {
  test("a DNI is flagged only when its check letter is right", () => {
    assertFinds("Mi DNI es 12345678Z.", "dni", "12345678Z");
    assertFinds("El DNI del titular: 12345678-Z.", "dni", "12345678-Z");
    assertFinds("NAN zenbakia 00000000 T da.", "dni", "00000000 T");
    assertFinds("DNI 12.345.678-Z", "dni", "12.345.678-Z");
    assertClean("Mi DNI es 12345678A.");
    assertClean("El document 87654321A no és vàlid.");
  });
  test("a NIE is flagged only when its check letter is right", () => {
    assertFinds("O NIE da súa nai é X1234567L.", "nie", "X1234567L");
    assertFinds("El seu NIE és Y-1234567-X.", "nie", "Y-1234567-X");
    assertFinds("NIE: Z7654321H", "nie", "Z7654321H");
    assertClean("O NIE X1234567A ten a letra mal.");
  });
});

describe("IBAN", () => {
  test("valid IBANs of several countries, spaced or not", () => {
    assertFinds("Ingresa el dinero en ES91 2100 0418 4502 0005 1332, gracias.", "iban", "ES91 2100 0418 4502 0005 1332");
    assertFinds("Compte: ES9121000418450200051332.", "iban", "ES9121000418450200051332");
    assertFinds("The UK account is GB82WEST12345698765432.", "iban", "GB82WEST12345698765432");
    assertFinds("Kontua: DE89370400440532013000 da.", "iban", "DE89370400440532013000");
    assertFinds("Copiat del formulari: es91 2100 0418 4502 0005 1332.", "iban", "es91 2100 0418 4502 0005 1332");
    assertFinds("IBAN FR14 2004 1010 0505 0001 3M02 606 do fornecedor", "iban", "FR14 2004 1010 0505 0001 3M02 606");
  });
  test("a following word in capitals is not swallowed", () => {
    assertFinds("ES91 2100 0418 4502 0005 1332 BANCO", "iban", "ES91 2100 0418 4502 0005 1332");
  });
  test("a wrong digit, a wrong length or an unknown country is not an IBAN", () => {
    assertClean("Compte ES91 2100 0418 4502 0005 1333 amb un dígit canviat.");
    assertClean("DE89370400440532013001 ez da baliozkoa.");
    assertClean("ES91 2100 0418 4502 0005 133 é curto de máis.");
    assertClean("QQ91 2100 0418 4502 0005 1332");
  });
});

describe("payment cards", () => {
  test("Luhn-valid cards of the major networks", () => {
    assertFinds("Paga con la tarjeta 4111 1111 1111 1111 antes del viernes.", "card", "4111 1111 1111 1111");
    assertFinds("Targeta 5500-0000-0000-0004, caducitat 12/27.", "card", "5500-0000-0000-0004");
    assertFinds("Txartela: 378282246310005.", "card", "378282246310005");
    assertFinds("Amex 3782 822463 10005 con guións non", "card", "3782 822463 10005");
    assertFinds("Tarxeta 4111111111111111 12/26", "card", "4111111111111111");
  });
  test("one digit off, an implausible issuer or a non-card grouping is not a card", () => {
    assertClean("Paga con la tarjeta 4111 1111 1111 1112.");
    assertClean("Targeta 5500-0000-0000-0005.");
    assertClean("Zenbakia 378282246310006 da.");
    // Luhn-valid but no network issues numbers starting with 9 or 1.
    assertClean("Referencia 9111 1111 1111 1119.");
    assertClean("Referencia 1111 1111 1111 1117.");
  });
});

describe("IP addresses", () => {
  test("IPv4 with every octet up to 255", () => {
    assertFinds("El servidor responde en 192.168.1.10 desde ayer.", "ip", "192.168.1.10");
    assertFinds("Connecta't a 10.0.0.255.", "ip", "10.0.0.255");
    assertClean("L'adreça 999.1.1.1 no existeix.");
    assertClean("O enderezo 256.100.100.100 tampouco.");
  });
  test("IPv6, full and compressed", () => {
    assertFinds("Zerbitzaria 2001:0db8:85a3:0000:0000:8a2e:0370:7334 helbidean dago.", "ip", "2001:0db8:85a3:0000:0000:8a2e:0370:7334");
    assertFinds("La dirección 2001:db8::1 es de documentación.", "ip", "2001:db8::1");
    assertFinds("Loopback: ::1", "ip", "::1");
    assertFinds("Enlace local fe80::1ff:fe23:4567:890a activo.", "ip", "fe80::1ff:fe23:4567:890a");
    assertFinds("Mapeada ::ffff:192.0.2.128 en IPv6.", "ip", "::ffff:192.0.2.128");
  });
  test("times, MAC addresses and malformed groups are not IPv6", () => {
    assertClean("La reunió és a les 10:30:45 en punt.");
    assertClean("A MAC é 00:1A:2B:3C:4D:5E.");
    assertClean("Hau ez da helbidea: 2001:db8::1::2.");
  });
});

describe("near misses that must not be flagged", () => {
  const clean = [
    "La factura del 12/03/2024 vence el 2024-03-12.",
    "El abrigo cuesta 1.234,56 € en rebajas.",
    "L'ISBN del llibre és 978-84-376-0494-7.",
    "Bilbok 1.000.000 biztanle inguru ditu eskualde osoan.",
    "Madrid tiene 3.305.408 habitantes según el padrón.",
    "Instala la versión 1.2.3 del paquete, o la 10.4.",
    "Actualitza el firmware a la versió 1.2.3.4 abans de dilluns.",
    "O tren sae ás 14:35 e chega ás 18:05.",
    "El codi postal de Girona és el 17001.",
    "Gernikako bonbardaketa 1937an gertatu zen.",
    "Hay 123456789012 estrellas en el cálculo, más o menos.",
    "Fase 2.5, pàgina 345, capítol XXX.",
  ];
  for (const sentence of clean) test(sentence, () => assertClean(sentence));
});

describe("findPii over a whole text", () => {
  test("several identifiers come back sorted by start and without overlaps", () => {
    const text =
      "Contacto: ana@ejemplo.es, tel. +34 612 345 678, DNI 12345678Z, cuenta ES91 2100 0418 4502 0005 1332, IP 192.168.0.1.";
    const matches = findPii(text);
    assert.deepEqual(
      matches.map((m) => m.type),
      ["email", "phone", "dni", "iban", "ip"],
    );
    for (let i = 1; i < matches.length; i++) {
      assert.ok((matches[i - 1]?.end ?? 0) <= (matches[i]?.start ?? 0), "spans overlap");
    }
  });
  test("offsets are UTF-16 offsets into the original text", () => {
    const text = "😀 Ñandú escribe a ñandú@ejemplo.es";
    const [match] = findPii(text);
    assert.ok(match);
    assert.equal(text.slice(match.start, match.end), "ñandú@ejemplo.es");
  });
  test("an empty text has no PII", () => {
    assert.deepEqual(findPii(""), []);
  });
});

describe("maskPii", () => {
  test("replaces each span with its typed placeholder and keeps the rest", () => {
    const text = "Escriu a pere@exemple.cat o truca al 612 345 678; NIE X1234567L, targeta 4111 1111 1111 1111, IP ::1.";
    assert.equal(
      maskPii(text),
      "Escriu a [EMAIL] o truca al [PHONE]; NIE [NIE], targeta [CARD], IP [IP].",
    );
    assert.equal(maskPii("DNI 12345678Z, IBAN GB82WEST12345698765432"), "DNI [DNI], IBAN [IBAN]");
  });
  test("leaves text without PII untouched", () => {
    const text = "El 12/03/2024 costaba 1.234,56 €.";
    assert.equal(maskPii(text), text);
  });
});
