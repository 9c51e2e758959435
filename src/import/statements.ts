// Statement headings that head an answer ("Changing the game mode", "Performance Points",
// "My printer stops mid-print"): what question to file them under, and which headings are
// page furniture rather than answers. Rules about the shape of the heading, never a page.

const NAVIGATION =
  /^(?:table of contents|contents|toc|on this page|in this (?:article|page|section)|see also|related(?: pages| articles| links| topics)?|further reading|more (?:information|resources)|resources|references|external links|links|navigation|index|revision history)$/i;

/** Headings that help a reader find their way around the page, and answer nothing. */
export function isNavigation(text: string): boolean {
  return NAVIGATION.test(text.replace(/[:.]$/, '').trim());
}

/** Headings over a key to the page's own notation ("Legend": what `client` stands for below). */
const NOTATION = /^(?:legend|conventions|notation|notations|symbols used|terms used|placeholders|how to read this (?:page|faq))$/i;

/** A key to how the page is written: it explains the answers, it answers nothing itself. */
export function isNotation(text: string): boolean {
  return NOTATION.test(text.replace(/[:.]$/, '').trim());
}

/** Error messages used as headings: `SyntaxError: …`, `Error: EACCES …`, `fatal: …`. */
const ERROR_MESSAGE = /^[\w.$-]*(?:error|exception|warning|fatal|panic)\b[^:]*:\s+\S/i;
/** Verbs a heading gives as an instruction. */
const IMPERATIVE =
  /^(?:adjust|add|install|uninstall|configure|change|set|use|enable|disable|update|upgrade|remove|delete|create|connect|run|reset|restore|migrate|move|rename|export|import|build|deploy|debug|fix|avoid|increase|reduce|speed|limit|prevent|allow|block|share|sync|backup|back|downgrade|customize|customise|integrate)$/i;
/**
 * More verbs, read as instructions only under a group of how-tos: alone, many of them are nouns
 * too ("Download speed", "Open source", "Switch support").
 */
const HOW_TO_VERB =
  /^(?:archive|find|open|pin|hide|turn|switch|clear|join|invite|mute|download|upload|send|save|search|schedule|cancel|subscribe|unsubscribe|transfer|copy|convert|translate|publish|submit|edit|verify|generate|replace|select|write)$/i;
/** An instruction heading ("Rename a workspace", "Archive old threads"): a how-to. */
export function isInstruction(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length > 1 && (IMPERATIVE.test(words[0]!) || HOW_TO_VERB.test(words[0]!));
}

/** The question an instruction heading answers: "Archive old threads" → "How do I archive old threads?". */
export function howToQuestion(text: string): string {
  return `How do I ${lowerFirst(text.trim())}?`;
}

const PREPOSITION = /^(?:for|of|in|on|with|to|from|at|by|under|over|via|without|per)$/i;

/** A word ending in -ing that is a verb form, not a noun like "string" or "morning". */
const GERUND =
  /^(?![Tt]hing$|[Ss]tring$|[Rr]ing$|[Kk]ing$|[Ww]ing$|[Ss]pring$|(?:[Ss]ome|[Aa]ny|[Nn]o|[Ee]very)thing$|[Cc]eiling$|[Mm]orning$|[Ee]vening$)[A-Za-z]{3,}ing$/;
/** Finite verbs that make a heading a sentence of its own. */
const VERB =
  /^(?:is|are|was|were|isn't|aren't|has|have|hasn't|does|doesn't|did|didn't|do|don't|can|can't|cannot|won't|will|should|must|keeps?|fails?|failed|crashes|crashed|stops?|stopped|shows?|appears?|drops?|hangs?|freezes|breaks?|works?|doesnt|not|no|never)$/i;
/** A heading that starts with the member's own situation ("My webcam no worky") is how they ask. */
const SELF = /^(?:my|our|i|i'm|im|i've|ive|we|we're)$/i;

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
  // An error message as the heading ("SyntaxError: Unexpected token '?'") is asked about like a quoted one.
  if (ERROR_MESSAGE.test(heading)) return `What does "${heading}" mean?`;
  const words = heading.split(/\s+/);
  // An instruction ("Adjust sizes", "Install on Windows") is what someone asks how to do.
  if (IMPERATIVE.test(words[0]!) && words.length > 1) return `How do I ${lowerFirst(heading)}?`;
  // A sentence ("`zorp.flux` is undefined.", "Hub drops every hour") or a symptom ending in a
  // gerund ("Status LED blinking") is already how people ask: no "What is" in front of it.
  if (words.length > 4 || /[.!]$/.test(heading) || SELF.test(words[0]!) || words.slice(1).some((w) => VERB.test(w))) return heading;
  if (words.length > 1 && GERUND.test(words.at(-1)!)) return heading;
  const first = words[0]!;
  if (GERUND.test(first)) {
    return `How does ${lowerFirst(heading)} work?`;
  }
  // The head noun is the last word before a preposition: "Available characters for HOSTNAME" are.
  const at = words.findIndex((w, i) => i > 0 && PREPOSITION.test(w));
  const head = (at > 0 ? words[at - 1]! : words.at(-1)!).replace(/[^\p{L}\p{N}]+$/u, '');
  const plural = /[^s']s$/i.test(head) && !/(?:ss|us|is|ics)$/i.test(head);
  // "System requirements" reads "What are system requirements?"; Title Case and names stay.
  const sentenceCase = words.length > 1 && words.slice(1).every((w) => !/^[A-Z][a-z]/.test(w));
  return `What ${plural ? 'are' : 'is'} ${sentenceCase ? lowerFirst(heading) : heading}?`;
}

function lowerFirst(text: string): string {
  const [first = '', ...rest] = text.split(' ');
  // Keep "SSH" and "GitHub" as they are; only an ordinary capitalised word is lowered.
  const lowered = /^[A-Z][a-z]+$/.test(first) ? first.toLowerCase() : first;
  return [lowered, ...rest].join(' ');
}
