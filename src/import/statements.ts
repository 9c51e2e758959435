// Statement headings that head an answer ("Changing the game mode", "Performance Points",
// "My printer stops mid-print"): what question to file them under, and which headings are
// page furniture rather than answers. Rules about the shape of the heading, never a page.

const NAVIGATION =
  /^(?:table of contents|contents|toc|on this page|in this (?:article|page|section)|see also|related(?: pages| articles| links| topics)?|further reading|more (?:information|resources)|resources|references|external links|links|navigation|index|revision history)$/i;

/** Headings that help a reader find their way around the page, and answer nothing. */
export function isNavigation(text: string): boolean {
  return NAVIGATION.test(text.replace(/[:.]$/, '').trim());
}

/** A word ending in -ing that is a verb form, not a noun like "string" or "morning". */
const GERUND =
  /^(?![Tt]hing$|[Ss]tring$|[Rr]ing$|[Kk]ing$|[Ww]ing$|[Ss]pring$|(?:[Ss]ome|[Aa]ny|[Nn]o|[Ee]very)thing$|[Cc]eiling$|[Mm]orning$|[Ee]vening$)[A-Za-z]{3,}ing$/;
/** Finite verbs that make a heading a sentence of its own. */
const VERB =
  /^(?:is|are|was|were|isn't|aren't|has|have|hasn't|does|doesn't|did|didn't|do|don't|can|can't|cannot|won't|will|should|must|keeps?|fails?|failed|crashes|crashed|stops?|stopped|shows?|appears?|drops?|hangs?|freezes|breaks?|works?|doesnt|not|never)$/i;

const QUOTED = /^["“'`](.+)["”'`]$/;

/** A heading that quotes a message ("Beatmap not owned by you!") asks what it means. */
export function isQuotedMessage(text: string): boolean {
  return QUOTED.test(text.trim());
}

/**
 * The question a statement heading answers, as someone would ask it:
 *   "Changing the game mode"  → "How does changing the game mode work?"
 *   "Performance Points"      → "What are Performance Points?"
 *   "Scoring"                 → "How does scoring work?"
 *   `"Beatmap not owned by you!"` (a quoted message) → `What does "Beatmap not owned by you!" mean?`
 * Anything longer, a sentence that states a problem ("My driver turns off in the middle of a
 * print"), is already how people ask, and stays as it is.
 */
export function questionFromHeading(text: string): string {
  const heading = text.trim();
  const quoted = QUOTED.exec(heading);
  if (quoted) return `What does "${quoted[1]!.trim()}" mean?`;
  const words = heading.split(/\s+/);
  // A sentence ("`zorp.flux` is undefined.", "Hub drops every hour") or a symptom ending in a
  // gerund ("Status LED blinking") is already how people ask: no "What is" in front of it.
  if (words.length > 4 || /[.!]$/.test(heading) || words.slice(1).some((w) => VERB.test(w))) return heading;
  if (words.length > 1 && GERUND.test(words.at(-1)!)) return heading;
  const first = words[0]!;
  if (GERUND.test(first)) {
    return `How does ${lowerFirst(heading)} work?`;
  }
  const last = words.at(-1)!.replace(/[^\p{L}\p{N}]+$/u, '');
  const plural = /[^s']s$/i.test(last) && !/(?:ss|us|is|ics)$/i.test(last);
  return `What ${plural ? 'are' : 'is'} ${heading}?`;
}

function lowerFirst(text: string): string {
  const [first = '', ...rest] = text.split(' ');
  // Keep "SSH" and "GitHub" as they are; only an ordinary capitalised word is lowered.
  const lowered = /^[A-Z][a-z]+$/.test(first) ? first.toLowerCase() : first;
  return [lowered, ...rest].join(' ');
}
