// Messages that are not questions at all: greetings, thanks, chit-chat with the bot itself
// ("good bot", "who made you", "tell me a joke", "lol") and mass-mention spam. They get no
// answer from the knowledge base, where a shared word would find one ("good bot" and "what's
// good about X", "who made you" and "software made for X"); a greeting, thanks or chit-chat gets
// a short friendly line instead of "no answer, ask a moderator", and spam gets nothing to click
// (the lines: phrases.ts).
import { words } from './normalize.js';

export type SmallTalk = 'greeting' | 'thanks' | 'chitchat' | 'spam';

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

/** Reactions that are a whole message on their own. */
const REACTION = new Set(
  'lol lmao lmfao rofl haha hahaha hehe xd ok okay k kk yes yeah yep yup no nope nah sure hmm hm wow nice cool'.split(' '),
);
/**
 * Things people say to a bot rather than ask its FAQ, as whole messages (words as `words()`
 * gives them: lower case, no punctuation, "what's" as "whats"). Kept to forms no FAQ entry asks.
 */
const CHITCHAT: readonly RegExp[] = [
  /^(?:(?:you are|youre|ur) )?(?:a )?(?:good|bad|nice|great|stupid|dumb|smart|useless|cute|best) (?:bot|robot)$/,
  /^(?:who|what) (?:made|built|created|wrote|programmed|coded) (?:you|u|this bot)$/,
  /^(?:who|what) (?:are|r) (?:you|u)$/,
  /^(?:are|r) (?:you|u) (?:a |an )?(?:bot|robot|human|ai|real|person|alive|sentient|chatgpt)$/,
  /^(?:i )?(?:love|hate|like) (?:you|u)(?: bot)?$/,
  /^(?:you|u) (?:suck|rock|are (?:great|awesome|stupid|dumb|useless|smart|the best))$/,
  /^(?:tell|give) (?:me|us) (?:a |another )?(?:joke|story|riddle|fun fact)$/,
  /^(?:do you know|know|got) (?:a |any )?jokes?$/,
  /^(?:say|tell me) something(?: funny)?$/,
  /^how (?:are|r) (?:you|u|ya)(?: doing| today)?$/,
  /^(?:hows it going|how is it going|whats up|what is up|wassup|whatsup)$/,
  /^(?:what is|whats) the meaning of life$/,
];

/** The text without its mass mentions: what a trusted sender (a moderator aiming an answer) asked. */
export function withoutMassMentions(text: string): string {
  return text.replace(new RegExp(MASS_MENTION.source, 'gi'), ' ');
}

/** What kind of non-question `text` is, or undefined when it may be a question. */
export function smallTalk(text: string): SmallTalk | undefined {
  if (MASS_MENTION.test(text)) return 'spam';
  const all = words(text);
  if (all.length === 0 || all.length > 8) return undefined;
  const said = all.join(' ');
  if (all.some((w) => REACTION.has(w)) && all.every((w) => REACTION.has(w) || FILLER.has(w))) return 'chitchat';
  if (CHITCHAT.some((pattern) => pattern.test(said))) return 'chitchat';
  let greeting = false;
  let thanks = false;
  for (const w of all) {
    if (GREETING.has(w)) greeting = true;
    else if (THANKS.has(w)) thanks = true;
    else if (!FILLER.has(w)) return undefined;
  }
  return thanks ? 'thanks' : greeting ? 'greeting' : undefined;
}
