// Messages that are not questions at all: greetings, thanks, and mass-mention spam. They get no
// answer from the knowledge base; a greeting or thanks gets a short friendly line instead of
// "no answer, ask a moderator", and spam gets nothing to click (the lines: phrases.ts).
import { words } from './normalize.js';

export type SmallTalk = 'greeting' | 'thanks' | 'spam';

/** Platform syntax for pinging everyone: a message carrying it is never a question to answer. */
const MASS_MENTION = /@(everyone|here)\b|<!(everyone|channel|here)(\|[^>]*)?>/i;

const GREETING = new Set('hi hello hey heya hiya yo howdy hola sup morning evening afternoon gm greetings'.split(' '));
const THANKS = new Set('thanks thank thx ty tysm tyvm cheers thankyou appreciated appreciate'.split(' '));
/** Words that may ride along a greeting or thanks without making it a question. */
const FILLER = new Set(
  `you u all everyone everybody guys folks people team there bot so much very lot a lots for the
  that this it now great awesome perfect nice cool good ok okay helped help helpful works worked
  again really man mate again and oh wow ah lol`
    .split(/\s+/)
    .filter(Boolean),
);

/** The text without its mass mentions: what a trusted sender (a moderator aiming an answer) asked. */
export function withoutMassMentions(text: string): string {
  return text.replace(new RegExp(MASS_MENTION.source, 'gi'), ' ');
}

/** What kind of non-question `text` is, or undefined when it may be a question. */
export function smallTalk(text: string): SmallTalk | undefined {
  if (MASS_MENTION.test(text)) return 'spam';
  const all = words(text);
  if (all.length === 0 || all.length > 8) return undefined;
  let greeting = false;
  let thanks = false;
  for (const w of all) {
    if (GREETING.has(w)) greeting = true;
    else if (THANKS.has(w)) thanks = true;
    else if (!FILLER.has(w)) return undefined;
  }
  return thanks ? 'thanks' : greeting ? 'greeting' : undefined;
}
