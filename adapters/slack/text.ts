// Slack message text to what the person actually typed. Slack sends `&lt;` for a typed `<`
// and wraps mentions and links in angle brackets; the matcher wants words, and the renderer
// escapes again whatever it echoes.
import { type Person, withoutInvisible } from '../../src/index.js';

const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g;

export interface ParsedText {
  /** What to ask: mentions removed, special mentions and links as plain words. */
  readonly text: string;
  /** The first member named in the text, if any. */
  readonly target?: Person;
}

/** Splits `/faq migrate <@U123|newbie>` into the question and the member it is for. */
export function parseCommandText(raw: string): ParsedText {
  let target: Person | undefined;
  for (const m of raw.matchAll(USER_MENTION)) {
    target = { id: m[1]!, ...(m[2] ? { name: m[2] } : {}) };
    break;
  }
  return { text: slackToPlain(raw.replace(USER_MENTION, ' ')), ...(target ? { target } : {}) };
}

/** Removes mentions of the bot (and any other member) from a mention or message text. */
export function questionFromMessage(raw: string): string {
  return slackToPlain(raw.replace(USER_MENTION, ' '));
}

/** `<!here>` → "@here", `<#C1|general>` → "#general", `<https://x|label>` → "label", entities decoded. */
export function slackToPlain(raw: string): string {
  // Before spaces are collapsed: JavaScript's \s counts a BOM as a space, which would split a word.
  return withoutInvisible(raw)
    .replace(
      /<!(?:subteam\^[A-Z0-9]+\|)?([^>|]+)(?:\|([^>]*))?>/g,
      (_m, name: string, label?: string) => label || `@${name.replace(/^@/, '')}`,
    )
    .replace(/<#[CG][A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => (name ? `#${name}` : '#channel'))
    .replace(/<([^>|]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label || url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
