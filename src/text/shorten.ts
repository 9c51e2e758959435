// Cutting text to a length, marked with an ellipsis: the one way the core and every adapter
// shorten a title, a label or a line to a limit. Platform syntax a cut must not fall inside
// (a Slack `&amp;` or `<url|link>`) is the adapter's to protect, through `adjust`.

export interface ShortenOptions {
  /**
   * Keep line breaks, and cut at the end of a line when one is near. Without it the text is
   * put on one line first (labels, titles, names).
   */
  readonly keepLines?: boolean;
  /** Moves a cut back, e.g. out of an entity or a link; gets the text and the cut, returns the cut. */
  readonly adjust?: (text: string, cut: number) => number;
}

export const ELLIPSIS = '…';

/** A cut at a space (or line end) is taken when it keeps more than this share of the room. */
const NEAR_BOUNDARY = 0.6;

/**
 * `text` within `max` UTF-16 units (the strictest way platforms count), cut at a word (or line)
 * boundary when one is near, else mid-word but never inside a surrogate pair, then an ellipsis.
 */
export function shorten(text: string, max: number, options: ShortenOptions = {}): string {
  const whole = options.keepLines ? text : text.replace(/\s+/g, ' ').trim();
  if (whole.length <= max) return whole;
  let room = Math.max(0, max - ELLIPSIS.length);
  if (room > 0 && isHighSurrogate(whole.charCodeAt(room - 1))) room -= 1;
  const head = whole.slice(0, room);
  const lineEnd = options.keepLines ? head.lastIndexOf('\n') : -1;
  const space = head.lastIndexOf(' ');
  let cut = lineEnd > room * NEAR_BOUNDARY ? lineEnd : space > room * NEAR_BOUNDARY ? space : room;
  if (options.adjust) cut = options.adjust(whole, cut);
  return `${whole.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
