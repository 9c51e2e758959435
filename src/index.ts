// The core's public surface for the platform adapters: everything an adapter may use of src/,
// and nothing else (the lint rules hold adapters to this file). An adapter turns platform
// events into Queries, calls the Answerer, and renders its Replies with these helpers; what is
// not exported here is the core's own business.

// The domain: knowledge, queries, matches and replies, all platform-neutral.
export type * from './domain.js';

// The one error class, and the logger the composition root hands every adapter.
export { FaqbotError, type FaqbotErrorCode } from './errors.js';
export { describeError, type Logger, type LogFields } from './log.js';

// What a platform adapter is to the composition root, and what it is given when it starts.
export {
  ConnectionTracker,
  STARTUP_TIMEOUT_MS,
  type ConnectionState,
  type HttpRoute,
  type PlatformAdapter,
  type PlatformDeps,
  type PlatformHealth,
  type Previewer,
  type ReplyPreview,
  type RunningPlatform,
  type SplitLimit,
} from './platform.js';
export type { Secrets } from './secrets.js';

// Building a Query, and whom an answer is aimed at.
export { aimedAt, buildQuery } from './query.js';

// Where Slack installations (OAuth, many workspaces) are kept; the store behind it is the composition root's.
export type { InstallationRecords } from './installations/records.js';

// The service as adapters call it, and the state replicas share.
export type { Answerer } from './service/community-router.js';
export type { ChooseOptions } from './service/answer-service.js';
export { MemoryState, type Claim, type SharedState } from './service/shared-state.js';
export { stateKeys } from './service/policy.js';
export { mayDismiss } from './service/dismiss.js';
export { restrictingGroups } from './service/restricted.js';

// The languages the bot speaks, and every sentence it says to members in each of them.
export { DEFAULT_LANGUAGE, LANGUAGES, languageOfLocale, type Language } from './language/languages.js';
export { phrasesFor, type Phrases } from './language/phrases.js';

// What members read, the same on every platform: renderers add markup, not wording.
export { APOLOGY, knowledgeLine, NO_STATISTICS, statsTitle } from './wording.js';

// Text and Markdown: the one parser, plain text of an answer, fitting text into size limits.
export { parseMarkdown, type Root } from './markdown/parse.js';
export { markdownToPlain, plainAnswer, plainOf } from './markdown/plain.js';
export { ELLIPSIS, shorten, type ShortenOptions } from './text/shorten.js';
export { pack, splitWords } from './text/pack.js';
export { withoutInvisible } from './text/normalize.js';

// Connections that drop and come back: retry delays, and one log line per outage.
export { backoffDelay, sleep, type Backoff } from './backoff.js';
export { OutageLog } from './outage.js';
