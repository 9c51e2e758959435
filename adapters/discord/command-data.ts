// The application commands, as data: what `faqbot discord register` sends to Discord and what
// the interaction handlers dispatch on. One list, read by both. Names and descriptions are
// translated for Discord's German and Spanish clients (`name_localizations`,
// `description_localizations`); interactions still carry the English names, which is what the
// handlers read.
import type { RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Language } from '../../src/index.js';

export const FAQ_COMMAND = 'faq';
export const STATS_COMMAND = 'faq-stats';
export const MESSAGE_MENU = 'Answer with FAQ';

/** Manage Messages: who counts as a moderator, and who sees /faq-stats by default. */
export const MODERATOR_PERMISSION = 1n << 13n;

type Translated = Readonly<Record<Exclude<Language, 'en'>, string>>;

/** Discord's locale codes for each language the bot speaks besides English (its default). */
function localized(text: Translated): Record<string, string> {
  return { de: text.de, 'es-ES': text.es, 'es-419': text.es };
}

/** The `query` option's name in each language, also shown in the help text's example. */
export const QUERY_OPTION: Readonly<Record<Language, string>> = { en: 'query', de: 'frage', es: 'pregunta' };

export const commandData = [
  {
    type: 1,
    name: FAQ_COMMAND,
    description: 'Answer a question from the FAQ (privately, or to a member you name)',
    description_localizations: localized({
      de: 'Eine Frage aus den FAQ beantworten (nur für dich, oder für ein Mitglied, das du nennst)',
      es: 'Responder una pregunta de las FAQ (solo para ti, o para un miembro que nombres)',
    }),
    contexts: [0, 1],
    options: [
      // Optional, so that `/faq` alone lists the topics.
      {
        type: 3,
        name: QUERY_OPTION.en,
        name_localizations: localized({ de: QUERY_OPTION.de, es: QUERY_OPTION.es }),
        description: 'Your question or a topic (empty: list the topics); suggestions appear as you type',
        description_localizations: localized({
          de: 'Deine Frage oder ein Thema (leer: Themen auflisten); Vorschläge erscheinen beim Tippen',
          es: 'Tu pregunta o un tema (vacío: listar los temas); las sugerencias aparecen al escribir',
        }),
        required: false,
        autocomplete: true,
        max_length: 6000,
      },
      {
        type: 6,
        name: 'user',
        name_localizations: localized({ de: 'mitglied', es: 'miembro' }),
        description: 'Send the answer to this member in the channel (pings only them)',
        description_localizations: localized({
          de: 'Die Antwort diesem Mitglied im Kanal schicken (pingt nur diese Person)',
          es: 'Enviar la respuesta a este miembro en el canal (solo le menciona a él)',
        }),
        required: false,
      },
    ],
  },
  {
    type: 1,
    name: STATS_COMMAND,
    name_localizations: localized({ de: 'faq-statistik', es: 'faq-estadisticas' }),
    description: 'FAQ statistics for moderators: what was asked, what the FAQ lacks',
    description_localizations: localized({
      de: 'FAQ-Statistik für Moderatoren: was gefragt wurde, was den FAQ fehlt',
      es: 'Estadísticas de las FAQ para moderadores: qué se preguntó, qué les falta',
    }),
    contexts: [0],
    default_member_permissions: MODERATOR_PERMISSION.toString(),
  },
  {
    type: 3,
    name: MESSAGE_MENU,
    name_localizations: localized({ de: 'Mit FAQ antworten', es: 'Responder con FAQ' }),
    contexts: [0],
  },
] as const satisfies RESTPutAPIApplicationCommandsJSONBody;
