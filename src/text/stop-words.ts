// Function words that say nothing about a topic, per language, and the chat filler people
// wrap questions in ("please", "bitte", "por favor"). Question words stay out of the lists on
// purpose only where they separate topics ("when", "why", "where" do; "what", "is" do not).
//
// Written here rather than taken from a stop-word package: the packages' Spanish lists carry
// content words a FAQ needs ("cuenta" is an account, "trabajo" a job, "horas" hours), and
// none of them has the chat filler. The German and Spanish lists start from Snowball's.
import type { Language } from '../language/languages.js';

/** English; the list the matcher was tuned with, kept word for word. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are arent as at be because been before being
below between both but by can cant could couldnt did didnt do does doesnt doing dont down during each
few for from further had hadnt has hasnt have havent having he hed hell hes her here heres hers herself
him himself his how hows i id ill im ive if in into is isnt it its itself lets me more most mustnt my
myself no nor not of off on once only or other ought our ours ourselves out over own same shant she
shed shell shes should shouldnt so some such than that thats the their theirs them themselves then there
theres these they theyd theyll theyre theyve this those through to too under until up very was wasnt we
wed well were weve werent what whats which while who whos whom with wont would wouldnt you youd youll
youre youve your yours yourself yourselves hi hey hello please pls plz thanks thank thx anyone someone
somebody anybody guys folks just really also get got gonna wanna ok okay yes yeah u ur r im ya
`
    .split(/\s+/)
    .filter(Boolean),
);

/** German: Snowball's list without `wo` (where), plus chat filler. Umlauts are folded (für → fur). */
const GERMAN = `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
anders auch auf aus bei bin bis bist da damit dann der den des dem die das dass daß dein deine deinem deinen
deiner deines denn derer dessen dich dir du dies diese diesem diesen dieser dieses doch dort durch ein eine
einem einen einer eines einig einige einigem einigen einiger einiges einmal er ihn ihm es etwas euer eure
eurem euren eurer eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich mich mir ihr
ihre ihrem ihren ihrer ihres euch im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener
jenes jetzt kann kein keine keinem keinen keiner keines können könnte machen man manche manchem manchen
mancher manches mein meine meinem meinen meiner meines mit muss musste nach nicht nichts noch nun nur ob
oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen
solcher solches soll sollte sondern sonst über um und uns unser unsere unserem unseren unserer unseres
unter viel vom von vor während war waren warst was weg weil weiter welche welchem welchen welcher welches
wenn werde werden wie wieder will wir wird wirst wollen wollte würde würden zu zum zur zwar zwischen
hallo hi hey moin servus bitte danke dank jemand jemanden leute ja nein ok okay mal halt eben eigentlich
irgendwie gerne gern`;

/** Spanish: Snowball's list without `donde` and `cuando` (where, when), plus chat filler. Accents are folded (qué → que). */
const SPANISH = `de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o
este sí porque esta entre muy sin sobre también me hasta hay quien desde todo nos durante todos uno les ni
contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho
quienes nada muchos cual poco ella estar estas algunas algo nosotros mi mis tú te ti tu tus ellas nosotras
vosotros vosotras os mío mía míos mías tuyo tuya tuyos tuyas suyo suya suyos suyas nuestro nuestra nuestros
nuestras vuestro vuestra vuestros vuestras esos esas estoy estás está estamos estáis están esté estaba
estaban estado ser soy eres es somos sois son sea era eran fue fueron sido he has ha hemos habéis han había
haber tengo tienes tiene tenemos tienen tener tenía puedo puedes puede podemos pueden poder podría hacer
hago haces hace hacen cómo cuál cuáles quién
hola buenas buenos días gracias favor porfa alguien gente oye vale ok okay bueno pues saludos`;

function folded(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map(fold));
}

/** Without accents, umlauts and tildes, as cleanText writes words: stop words are looked up folded. */
export function fold(word: string): string {
  return /^[ -~]*$/.test(word)
    ? word
    : word
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .normalize('NFKC');
}

export const STOP_WORDS_BY_LANGUAGE: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: STOP_WORDS,
  de: folded(GERMAN),
  es: folded(SPANISH),
};
