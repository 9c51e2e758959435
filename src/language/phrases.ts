// Every sentence the bot says to members around an answer, in each language it speaks: the
// one place for them. Adapters take the reply's language (`reply.language`) and render these
// in their platform's markup; the service words its held replies and refusals from them.
// Names and mentions come in already made safe for the platform (`<@123>`, an escaped name).
// Pure.
import type { SmallTalk } from '../text/small-talk.js';
import { DEFAULT_LANGUAGE, type Language } from './languages.js';

export interface Phrases {
  /** What the bot says back to a greeting, a thanks, or a message that pings everyone. */
  readonly smallTalk: Readonly<Record<SmallTalk, string>>;

  // No answer, suggestions, help
  /** `asked`: the member's words, quoted, when the platform echoes them. */
  noAnswer(asked?: string): string;
  /** The header of a list of suggestions. */
  notSure(asked?: string): string;
  readonly closeTopics: string;
  readonly askHumansHere: string;
  readonly askInChannel: string;
  readonly tipAutocomplete: string;
  readonly tryOtherWords: string;
  /** The same hint where there is no `/faq help` to point at (the terminal). */
  readonly rephrase: string;
  canAnswer(count: number): string;
  /** After the help title and count, before a list of topics, where members type their questions. */
  readonly askInOwnWords: string;
  readonly popularTopics: string;
  askWithCommandOrMention(command: string): string;
  askWithCommandMentionOrDm(command: string): string;
  /** What stands for the member's words in a command example: `/faq <your question>`. */
  readonly yourQuestion: string;
  readonly chooseTopic: string;

  // Around an answer
  forYou(target: string): string;
  suggestedForYou(target: string, by: string): string;
  sharedBy(by: string): string;
  mayHelp(mentions: string): string;
  suggestedBy(name: string): string;
  readonly related: string;
  readonly links: string;
  readonly source: string;

  // Buttons
  readonly helpful: string;
  readonly notHelpful: string;
  readonly dismiss: string;
  readonly askHuman: string;
  readonly postInChannel: string;
  readonly shareInChannel: string;

  // After a click
  readonly thanksHelpful: string;
  readonly thanksNotHelpful: string;

  // Held back or refused; `wait` is a duration such as "3 min"
  readonly restrictedNotPosted: string;
  rateLimited(wait: string): string;
  readonly notAllowedToTarget: string;
  targetCooldown(question: string, wait: string): string;
  channelCooldown(question: string, inThread: boolean, wait: string): string;
  slashDenied(mentionsIgnored: boolean): string;
  readonly handoffDone: string;
  readonly handoffAlready: string;
  readonly handoffOff: string;
  handoffWaitMember(wait: string): string;
  handoffWaitChannel(wait: string): string;
  readonly dismissRefused: string;
  readonly statsModeratorsOnly: string;
  readonly statsOff: string;
  readonly statsUnreadable: string;

  // "Answer with FAQ" on Discord, for the member who picks
  pickForMessage(author: string): string;
  readonly chooseAnswerToPost: string;
  readonly noEntryForMessage: string;
  readonly stillPickTopic: string;
}

const en: Phrases = {
  smallTalk: {
    greeting: 'Hi! Ask me a question, or ask for the list of topics I know about.',
    thanks: 'Glad to help!',
    spam: 'I do not answer messages that ping everyone.',
    chitchat: "I'm the FAQ bot: I answer questions from the FAQ. Ask me one, or ask for the list of topics I know about.",
  },
  noAnswer: (asked) => (asked ? `Sorry, I don't have an answer for “${asked}”.` : "Sorry, I don't have an answer to that in the FAQ."),
  notSure: (asked) =>
    asked
      ? `I found a few possible answers for “${asked}”. Which one do you mean?`
      : 'I am not sure which topic you mean. Did you mean one of these?',
  closeTopics: 'These topics are close; one of them may help:',
  askHumansHere: 'If none fits, a moderator or someone here can help.',
  askInChannel: 'If none fits, ask in the channel and a moderator or another member can help.',
  tipAutocomplete: 'Tip: `/faq` searches the topics as you type.',
  tryOtherWords: 'Try other words, see `/faq help` for the topics I know about, or ask a moderator.',
  rephrase: 'Try other words, or ask a moderator.',
  canAnswer: (n) => `I can answer ${n} question${n === 1 ? '' : 's'}.`,
  popularTopics: 'Some popular topics',
  askInOwnWords: 'Ask a question in your own words, or try one of these:',
  askWithCommandOrMention: (command) => `Ask with ${command} (it suggests topics as you type), or mention me with your question.`,
  askWithCommandMentionOrDm: (command) => `Ask with ${command}, mention me, or send me a direct message.`,
  yourQuestion: 'your question',
  chooseTopic: 'Choose a topic to see its answer',
  forYou: (target) => `${target}, this answer is for you:`,
  suggestedForYou: (target, by) => `${target}, ${by} suggested this answer for you:`,
  sharedBy: (by) => `${by} shared this answer:`,
  mayHelp: (mentions) => `${mentions} here is an answer that may help:`,
  suggestedBy: (name) => `Suggested by ${name}`,
  related: 'Related',
  links: 'Links',
  source: 'Source',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  dismiss: 'Dismiss',
  askHuman: 'Ask a human',
  postInChannel: 'Post in channel',
  shareInChannel: 'Share in channel',
  thanksHelpful: 'Thanks, glad it helped.',
  thanksNotHelpful:
    'Thanks for telling us; the maintainers will see that this answer did not help. Try other words, or ask in the channel.',
  restrictedNotPosted: 'This entry is limited to some roles, so it is only ever shown to you, not posted for others.',
  rateLimited: (wait) => `You are asking faster than the bot answers; try again in ${wait}.`,
  notAllowedToTarget: 'Only moderators can send an answer to another member here. Ask without naming a member to see the answer yourself.',
  targetCooldown: (q, wait) => `"${q}" was already sent to that member recently; it can be sent to them again in ${wait}.`,
  channelCooldown: (q, inThread, wait) =>
    `"${q}" was posted in this ${inThread ? 'thread' : 'channel'} moments ago; scroll up, or post it again in ${wait}.`,
  slashDenied: (ignored) =>
    ignored
      ? '`/faq` is turned off in this channel; ask in another channel.'
      : '`/faq` is turned off in this channel; mention the bot with your question instead, or ask in another channel.',
  handoffDone: 'The helpers were asked in a thread; someone will answer you there.',
  handoffAlready: 'The helpers were already asked about this question.',
  handoffOff: 'Asking a human is not set up here.',
  handoffWaitMember: (wait) =>
    `You asked the helpers recently; you can ask them again in ${wait}. Meanwhile, try other words with the bot.`,
  handoffWaitChannel: (wait) => `The helpers were asked in this channel moments ago; they can be asked again in ${wait}.`,
  dismissRefused: 'Only the asker, the member it was for, or a moderator can remove this answer.',
  statsModeratorsOnly: 'Only moderators can see the FAQ statistics.',
  statsOff: 'No statistics are kept: the insights store is off (see README "Insights").',
  statsUnreadable: "The statistics could not be read just now; the bot keeps answering. Check the bot's log.",
  pickForMessage: (author) => `Pick the answer to post as a reply to ${author}'s message (it will ping only them):`,
  chooseAnswerToPost: 'Choose the answer to post',
  noEntryForMessage: 'No FAQ entry matches that message.',
  stillPickTopic: 'You can still pick one of these topics to post:',
};

const de: Phrases = {
  smallTalk: {
    greeting: 'Hallo! Stell mir eine Frage, oder frag nach der Liste der Themen, die ich kenne.',
    thanks: 'Gern geschehen!',
    spam: 'Auf Nachrichten, die alle anpingen, antworte ich nicht.',
    chitchat: 'Ich bin der FAQ-Bot: Ich beantworte Fragen aus den FAQ. Stell mir eine, oder frag nach der Liste der Themen, die ich kenne.',
  },
  noAnswer: (asked) => (asked ? `Leider habe ich keine Antwort auf „${asked}“.` : 'Leider habe ich dazu keine Antwort in den FAQ.'),
  notSure: (asked) =>
    asked
      ? `Ich habe mehrere mögliche Antworten auf „${asked}“ gefunden. Welche meinst du?`
      : 'Ich bin nicht sicher, welches Thema du meinst. Meinst du eines von diesen?',
  closeTopics: 'Diese Themen liegen nahe; vielleicht hilft eines davon:',
  askHumansHere: 'Wenn keines passt, können ein Moderator oder jemand hier helfen.',
  askInChannel: 'Wenn keines passt, frag im Kanal; ein Moderator oder ein anderes Mitglied kann helfen.',
  tipAutocomplete: 'Tipp: `/faq` durchsucht die Themen, während du tippst.',
  tryOtherWords: 'Versuch es mit anderen Worten, schau mit `/faq help` nach den Themen, die ich kenne, oder frag einen Moderator.',
  rephrase: 'Versuch es mit anderen Worten, oder frag einen Moderator.',
  canAnswer: (n) => `Ich kann ${n} ${n === 1 ? 'Frage' : 'Fragen'} beantworten.`,
  popularTopics: 'Beliebte Themen',
  askInOwnWords: 'Stell eine Frage in deinen eigenen Worten, oder probier eines von diesen:',
  askWithCommandOrMention: (command) => `Frag mit ${command} (es schlägt beim Tippen Themen vor), oder erwähne mich mit deiner Frage.`,
  askWithCommandMentionOrDm: (command) => `Frag mit ${command}, erwähne mich, oder schick mir eine Direktnachricht.`,
  yourQuestion: 'deine Frage',
  chooseTopic: 'Wähle ein Thema, um seine Antwort zu sehen',
  forYou: (target) => `${target}, diese Antwort ist für dich:`,
  suggestedForYou: (target, by) => `${target}, ${by} schlägt dir diese Antwort vor:`,
  sharedBy: (by) => `${by} hat diese Antwort geteilt:`,
  mayHelp: (mentions) => `${mentions} hier ist eine Antwort, die helfen könnte:`,
  suggestedBy: (name) => `Vorgeschlagen von ${name}`,
  related: 'Verwandte Themen',
  links: 'Links',
  source: 'Quelle',
  helpful: 'Hilfreich',
  notHelpful: 'Nicht hilfreich',
  dismiss: 'Entfernen',
  askHuman: 'Einen Menschen fragen',
  postInChannel: 'Im Kanal posten',
  shareInChannel: 'Im Kanal teilen',
  thanksHelpful: 'Danke, schön, dass es geholfen hat.',
  thanksNotHelpful:
    'Danke für die Rückmeldung; die Betreuer sehen, dass diese Antwort nicht geholfen hat. Versuch es mit anderen Worten, oder frag im Kanal.',
  restrictedNotPosted: 'Dieser Eintrag ist auf bestimmte Rollen beschränkt; er wird nur dir gezeigt und nie für andere gepostet.',
  rateLimited: (wait) => `Du fragst schneller, als der Bot antwortet; versuch es in ${wait} noch einmal.`,
  notAllowedToTarget:
    'Nur Moderatoren können hier einem anderen Mitglied eine Antwort schicken. Frag ohne ein Mitglied zu nennen, um die Antwort selbst zu sehen.',
  targetCooldown: (q, wait) => `„${q}“ wurde diesem Mitglied vor kurzem schon geschickt; in ${wait} kann es wieder geschickt werden.`,
  channelCooldown: (q, inThread, wait) =>
    `„${q}“ wurde gerade erst in ${inThread ? 'diesem Thread' : 'diesem Kanal'} gepostet; scroll nach oben, oder poste es in ${wait} noch einmal.`,
  slashDenied: (ignored) =>
    ignored
      ? '`/faq` ist in diesem Kanal ausgeschaltet; frag in einem anderen Kanal.'
      : '`/faq` ist in diesem Kanal ausgeschaltet; erwähne stattdessen den Bot mit deiner Frage, oder frag in einem anderen Kanal.',
  handoffDone: 'Die Helfer wurden in einem Thread gefragt; dort wird dir jemand antworten.',
  handoffAlready: 'Die Helfer wurden zu dieser Frage schon gefragt.',
  handoffOff: 'Einen Menschen zu fragen ist hier nicht eingerichtet.',
  handoffWaitMember: (wait) =>
    `Du hast die Helfer vor kurzem gefragt; in ${wait} kannst du sie wieder fragen. Versuch es bis dahin mit anderen Worten beim Bot.`,
  handoffWaitChannel: (wait) => `Die Helfer wurden in diesem Kanal gerade erst gefragt; in ${wait} können sie wieder gefragt werden.`,
  dismissRefused: 'Nur wer gefragt hat, das Mitglied, für das die Antwort war, oder ein Moderator kann diese Antwort entfernen.',
  statsModeratorsOnly: 'Nur Moderatoren können die FAQ-Statistik sehen.',
  statsOff: 'Es wird keine Statistik geführt: der Insights-Speicher ist aus (siehe README „Insights“).',
  statsUnreadable: 'Die Statistik konnte gerade nicht gelesen werden; der Bot antwortet weiter. Sieh im Log des Bots nach.',
  pickForMessage: (author) =>
    `Wähle die Antwort, die als Antwort auf die Nachricht von ${author} gepostet wird (sie pingt nur diese Person):`,
  chooseAnswerToPost: 'Wähle die Antwort zum Posten',
  noEntryForMessage: 'Kein FAQ-Eintrag passt zu dieser Nachricht.',
  stillPickTopic: 'Du kannst trotzdem eines dieser Themen zum Posten wählen:',
};

const es: Phrases = {
  smallTalk: {
    greeting: '¡Hola! Hazme una pregunta, o pide la lista de temas que conozco.',
    thanks: '¡Encantado de ayudar!',
    spam: 'No respondo a mensajes que mencionan a todo el mundo.',
    chitchat: 'Soy el bot de preguntas frecuentes: respondo preguntas de las FAQ. Hazme una, o pide la lista de temas que conozco.',
  },
  noAnswer: (asked) =>
    asked
      ? `Lo siento, no tengo una respuesta para «${asked}».`
      : 'Lo siento, no tengo una respuesta para eso en las preguntas frecuentes.',
  notSure: (asked) =>
    asked
      ? `Encontré varias respuestas posibles para «${asked}». ¿Cuál quieres decir?`
      : 'No estoy seguro de qué tema quieres decir. ¿Es alguno de estos?',
  closeTopics: 'Estos temas son parecidos; quizá alguno te ayude:',
  askHumansHere: 'Si ninguno encaja, un moderador o alguien de aquí puede ayudarte.',
  askInChannel: 'Si ninguno encaja, pregunta en el canal y un moderador u otro miembro podrá ayudarte.',
  tipAutocomplete: 'Consejo: `/faq` busca entre los temas mientras escribes.',
  tryOtherWords: 'Prueba con otras palabras, mira los temas que conozco con `/faq help`, o pregunta a un moderador.',
  rephrase: 'Prueba con otras palabras, o pregunta a un moderador.',
  canAnswer: (n) => `Puedo responder ${n} ${n === 1 ? 'pregunta' : 'preguntas'}.`,
  popularTopics: 'Temas populares',
  askInOwnWords: 'Haz una pregunta con tus propias palabras, o prueba uno de estos:',
  askWithCommandOrMention: (command) => `Pregunta con ${command} (sugiere temas mientras escribes), o mencióname con tu pregunta.`,
  askWithCommandMentionOrDm: (command) => `Pregunta con ${command}, mencióname, o envíame un mensaje directo.`,
  yourQuestion: 'tu pregunta',
  chooseTopic: 'Elige un tema para ver su respuesta',
  forYou: (target) => `${target}, esta respuesta es para ti:`,
  suggestedForYou: (target, by) => `${target}, ${by} te sugiere esta respuesta:`,
  sharedBy: (by) => `${by} compartió esta respuesta:`,
  mayHelp: (mentions) => `${mentions} aquí tienes una respuesta que puede ayudarte:`,
  suggestedBy: (name) => `Sugerida por ${name}`,
  related: 'Temas relacionados',
  links: 'Enlaces',
  source: 'Fuente',
  helpful: 'Útil',
  notHelpful: 'No es útil',
  dismiss: 'Quitar',
  askHuman: 'Preguntar a una persona',
  postInChannel: 'Publicar en el canal',
  shareInChannel: 'Compartir en el canal',
  thanksHelpful: 'Gracias, me alegra que te haya ayudado.',
  thanksNotHelpful:
    'Gracias por decírnoslo; los responsables verán que esta respuesta no ayudó. Prueba con otras palabras, o pregunta en el canal.',
  restrictedNotPosted: 'Esta entrada está limitada a algunos roles: solo se te muestra a ti y nunca se publica para otros.',
  rateLimited: (wait) => `Preguntas más rápido de lo que el bot responde; vuelve a intentarlo en ${wait}.`,
  notAllowedToTarget:
    'Aquí solo los moderadores pueden enviar una respuesta a otro miembro. Pregunta sin nombrar a nadie para ver la respuesta tú mismo.',
  targetCooldown: (q, wait) => `«${q}» ya se envió a ese miembro hace poco; podrá enviársele de nuevo en ${wait}.`,
  channelCooldown: (q, inThread, wait) =>
    `«${q}» se publicó en ${inThread ? 'este hilo' : 'este canal'} hace un momento; desplázate hacia arriba, o publícala de nuevo en ${wait}.`,
  slashDenied: (ignored) =>
    ignored
      ? '`/faq` está desactivado en este canal; pregunta en otro canal.'
      : '`/faq` está desactivado en este canal; menciona al bot con tu pregunta, o pregunta en otro canal.',
  handoffDone: 'Se ha preguntado a los ayudantes en un hilo; alguien te responderá allí.',
  handoffAlready: 'Ya se preguntó a los ayudantes sobre esta pregunta.',
  handoffOff: 'Preguntar a una persona no está configurado aquí.',
  handoffWaitMember: (wait) =>
    `Preguntaste a los ayudantes hace poco; podrás volver a preguntarles en ${wait}. Mientras tanto, prueba con otras palabras con el bot.`,
  handoffWaitChannel: (wait) => `Se preguntó a los ayudantes en este canal hace un momento; se les podrá volver a preguntar en ${wait}.`,
  dismissRefused: 'Solo quien preguntó, el miembro al que iba dirigida o un moderador puede quitar esta respuesta.',
  statsModeratorsOnly: 'Solo los moderadores pueden ver las estadísticas de las preguntas frecuentes.',
  statsOff: 'No se guardan estadísticas: el almacén de insights está desactivado (ver README «Insights»).',
  statsUnreadable: 'No se pudieron leer las estadísticas ahora; el bot sigue respondiendo. Revisa el registro del bot.',
  pickForMessage: (author) =>
    `Elige la respuesta que se publicará en respuesta al mensaje de ${author} (solo le mencionará a esa persona):`,
  chooseAnswerToPost: 'Elige la respuesta que publicar',
  noEntryForMessage: 'Ninguna entrada de las preguntas frecuentes coincide con ese mensaje.',
  stillPickTopic: 'Aun así puedes elegir uno de estos temas para publicarlo:',
};

export const PHRASES: Readonly<Record<Language, Phrases>> = { en, de, es };

/** The sentences of a reply's language; English when it has none. */
export function phrasesFor(language: Language | undefined): Phrases {
  return PHRASES[language ?? DEFAULT_LANGUAGE];
}
