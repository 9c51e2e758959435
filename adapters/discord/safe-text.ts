// Text from members and knowledge files can spell mentions. allowed_mentions already stops the
// ping; this also stops the text from looking like one (and from reaching a client that would
// highlight it), by breaking the syntax with a zero-width space.
import { shorten } from '../../src/index.js';

const ZWSP = '\u200b';

export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(@[!&]?|#)(\d+)>/g, `<$1${ZWSP}$2>`);
}

/** A display name safe to show in a message: no mention syntax, no formatting, one line. */
export function safeName(name: string | undefined, fallback = 'someone'): string {
  const clean = shorten((name ?? '').replace(/[\\*_~`|<>]/g, ''), 64);
  return neutralizeMentions(clean || fallback);
}
