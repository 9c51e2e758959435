// Text from members and knowledge files can spell mentions. allowed_mentions already stops the
// ping; this also stops the text from looking like one (and from reaching a client that would
// highlight it), by breaking the syntax with a zero-width space.
const ZWSP = '\u200b';

export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<(@[!&]?|#)(\d+)>/g, `<$1${ZWSP}$2>`);
}

/** Cuts to `max` characters at a word boundary when one is near, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if ([...one].length <= max) return one;
  const cut = [...one].slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A display name safe to show in a message: no mention syntax, no formatting, one line. */
export function safeName(name: string | undefined, fallback = 'someone'): string {
  const clean = shorten((name ?? '').replace(/[\\*_~`|<>]/g, ''), 64);
  return neutralizeMentions(clean || fallback);
}
