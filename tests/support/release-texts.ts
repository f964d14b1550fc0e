// Natural instruction/response pairs per language for release tests: distinct topics so none is a duplicate.
import type { ItemLanguage } from "@/lib/vocabulary";

export const RELEASE_TEXTS: Record<ItemLanguage, { instruction: string; response: string }[]> = {
  es: [
    { instruction: "¿Por qué se cae la hoja de los árboles en otoño?", response: "Al acortarse los días, el árbol deja de producir clorofila y forma una capa de células en la base de cada hoja que corta el paso de la savia; la hoja se seca y el viento la arranca." },
    { instruction: "Explica cómo se prepara un gazpacho andaluz sencillo.", response: "Se trituran tomates maduros, pepino, pimiento verde, un diente de ajo, pan del día anterior, aceite de oliva, vinagre y sal, se cuela la mezcla y se sirve muy fría." },
    { instruction: "¿Qué diferencia hay entre el clima y el tiempo atmosférico?", response: "El tiempo describe lo que ocurre en la atmósfera en un lugar y un momento concretos, mientras que el clima resume las condiciones habituales de una región a lo largo de muchos años." },
    { instruction: "Dame tres consejos para estudiar un examen de historia.", response: "Haz una línea del tiempo con las fechas clave, explica cada tema en voz alta como si se lo contaras a otra persona y repasa con preguntas de exámenes anteriores." },
  ],
  ca: [
    { instruction: "Per què cauen les fulles dels arbres a la tardor?", response: "Quan els dies s'escurcen, l'arbre deixa de fabricar clorofil·la i forma una capa de cèl·lules a la base de cada fulla que talla el pas de la saba; la fulla s'asseca i el vent l'arrenca." },
    { instruction: "Explica com es fa un pa amb tomàquet com cal.", response: "Es torra una mica el pa de pagès, s'hi frega un tomàquet madur partit per la meitat, s'hi tira un raig d'oli d'oliva i un pessic de sal, i si es vol s'hi afegeix all." },
    { instruction: "Quina diferència hi ha entre el clima i el temps meteorològic?", response: "El temps descriu el que passa a l'atmosfera en un lloc i un moment concrets, mentre que el clima resumeix les condicions habituals d'una regió al llarg de molts anys." },
    { instruction: "Dona'm tres consells per estudiar un examen d'història.", response: "Fes una línia del temps amb les dates clau, explica cada tema en veu alta com si l'expliquessis a una altra persona i repassa amb preguntes d'exàmens anteriors." },
  ],
  eu: [
    { instruction: "Zergatik erortzen zaizkie hostoak zuhaitzei udazkenean?", response: "Egunak laburtzen direnean, zuhaitzak klorofila egiteari uzten dio eta hosto bakoitzaren oinarrian zelula geruza bat sortzen du izerdiaren bidea mozten duena; hostoa lehortu egiten da eta haizeak eramaten du." },
    { instruction: "Azaldu nola prestatzen den marmitako sinple bat.", response: "Tipula eta piper berdea olioz erretzen dira, patata zatiak eta piper txorizeroaren mamia gehitzen dira, urarekin estali eta egosten da, eta azkenean hegaluze zatiak sartzen dira su itzalian." },
    { instruction: "Zer desberdintasun dago klimaren eta eguraldiaren artean?", response: "Eguraldiak leku eta une jakin batean atmosferan gertatzen dena deskribatzen du; klimak, berriz, eskualde baten ohiko baldintzak laburbiltzen ditu urte askotan zehar." },
    { instruction: "Eman hiru aholku historiako azterketa bat ikasteko.", response: "Egin data garrantzitsuekin denbora lerro bat, azaldu gai bakoitza ozen beste norbaiti kontatuko bazenio bezala eta errepasatu aurreko urteetako azterketetako galderekin." },
  ],
  gl: [
    { instruction: "Por que lles caen as follas ás árbores no outono?", response: "Cando os días se acurtan, a árbore deixa de fabricar clorofila e forma unha capa de células na base de cada folla que corta o paso do zume; a folla sécase e o vento lévaa." },
    { instruction: "Explica como se prepara un caldo galego sinxelo.", response: "Cócense en auga fabas xa remolladas cun anaco de unto e touciño, engádense patacas en anacos e, cando están case feitas, grelos ou verzas picadas, e déixase repousar antes de servilo." },
    { instruction: "Que diferenza hai entre o clima e o tempo atmosférico?", response: "O tempo describe o que pasa na atmosfera nun lugar e nun momento concretos, mentres que o clima resume as condicións habituais dunha rexión ao longo de moitos anos." },
    { instruction: "Dáme tres consellos para estudar un exame de historia.", response: "Fai unha liña do tempo coas datas clave, explica cada tema en voz alta coma se llo contases a outra persoa e repasa con preguntas de exames anteriores." },
  ],
};
