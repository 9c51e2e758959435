// `faqbot preview ID|QUESTION`: what the bot would post for an entry or a question, per
// platform, as the payload the platform receives and as readable text, so a reviewer of a
// knowledge change sees the message before it is merged. The CLI imports no adapter: the
// composition root passes each adapter's pure renderer in as a Previewer.
import type { Reply } from '../../../src/domain.js';
import type { Previewer } from '../../../src/platform.js';
import { FaqbotError } from '../../../src/errors.js';
import { loadConfig } from '../../../src/config.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { AnswerService } from '../../../src/service/answer-service.js';
import type { CommandBody } from '../../command.js';
import { stringFlag } from '../../context.js';
import { existingKnowledgePath, knowledgeHelp, knowledgeOption } from '../../knowledge-flag.js';
import { localeHelp, localeOf, localeOption } from '../../locale-flag.js';
import { renderReply, terminalWidth } from '../../render-terminal.js';

/** The console chat's own rendering: its payload is the text it prints. */
export const consolePreviewer = (width: number): Previewer => ({
  platform: 'console',
  preview(reply) {
    const text = renderReply(reply, { width });
    return { payload: { text }, text };
  },
});

/** kebab-case with a hyphen: written as an id, not as a question (a lone word may be either). */
const LOOKS_LIKE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

export const previewBody = (previewers: readonly Previewer[]): CommandBody => ({
  usage: 'faqbot preview ID|QUESTION [--platform discord|slack|console] [--locale LOCALE] [--json] [--knowledge PATH]',
  details:
    'An entry id shows that entry\'s answer; anything else is asked as a member would ask `/faq QUESTION` (so it may show suggestions or "no answer"). Without --platform, every platform is shown. Nothing is posted or recorded.',
  options: { platform: { type: 'string' }, json: { type: 'boolean' }, ...localeOption, ...knowledgeOption },
  optionHelp: {
    platform: 'one platform only: discord, slack or console (default: all of them)',
    json: 'print only the payloads, as one JSON object keyed by platform',
    ...localeHelp,
    ...knowledgeHelp,
  },
  async run({ values, positionals }, io) {
    const all = [...previewers, consolePreviewer(terminalWidth(io))];
    const platform = stringFlag(values.platform);
    const chosen = platform === undefined ? all : all.filter((p) => p.platform === platform);
    if (chosen.length === 0)
      throw new FaqbotError('usage', `unknown platform "${platform}"; use one of: ${all.map((p) => p.platform).join(', ')}`);
    const text = positionals.join(' ').trim();
    if (text === '')
      throw new FaqbotError(
        'usage',
        'give an entry id or a question, e.g. `faqbot preview reset-password` or `faqbot preview "how do I reset my password?"`',
      );

    const config = loadConfig(io.env, io.cwd);
    const { knowledge } = loadKnowledge(existingKnowledgePath(stringFlag(values.knowledge), config, io), io.cwd);
    // A fixed ask id keeps the payloads the same from run to run, so they can be diffed in review.
    const service = new AnswerService({
      knowledge,
      policy: config.settings.policy,
      matcher: config.settings.matcher,
      newId: () => 'preview',
    });
    const isId = knowledge.byId.has(text);
    if (!isId && LOOKS_LIKE_ID.test(text)) {
      const near = nearIds(text, service).map((id) => `\`${id}\``);
      throw new FaqbotError('not-found', `no entry has the id \`${text}\``, [
        near.length > 0 ? `closest ids: ${near.join(', ')}` : 'run `faqbot ask ""` to list the topics',
        'to preview a question instead, write it in words: `faqbot preview "how do I ..."`',
      ]);
    }
    const locale = localeOf(values.locale);
    const shown = await Promise.all(
      chosen.map(async (p) => {
        const query = { text, platform: p.platform, channelId: 'preview', asker: { id: 'preview' }, via: 'command' as const, ...locale };
        const reply = isId ? await service.choose(query, text) : await service.ask(query);
        return { platform: p.platform, reply, ...p.preview(reply, text) };
      }),
    );
    if (values.json === true) {
      io.out(
        JSON.stringify(
          Object.fromEntries(
            shown.map((s) => [
              s.platform,
              { reply: s.reply.kind, ...(entryOf(s.reply) ? { entry: entryOf(s.reply) } : {}), payload: s.payload },
            ]),
          ),
          null,
          2,
        ),
      );
      return 0;
    }
    const blocks = shown.map((s) =>
      [
        `== ${s.platform}: ${describe(s.reply)} ==`,
        '',
        s.text,
        '',
        `-- ${s.platform} payload (JSON) --`,
        JSON.stringify(s.payload, null, 2),
      ].join('\n'),
    );
    io.out(blocks.join('\n\n'));
    return 0;
  },
});

function entryOf(reply: Reply): string | undefined {
  if (reply.kind === 'answer') return reply.entry.id;
  return reply.kind === 'held' ? reply.entry?.id : undefined;
}

function describe(reply: Reply): string {
  switch (reply.kind) {
    case 'answer':
      return `answer \`${reply.entry.id}\`, ${reply.visibility}`;
    case 'suggest':
      return `suggestions (${reply.candidates.map((e) => e.id).join(', ')}), ${reply.visibility}`;
    case 'none':
      return `no answer, ${reply.visibility}`;
    default:
      return `${reply.kind}, ${reply.visibility}`;
  }
}

/** Ids sharing a word with the one written, then the matcher's plausible picks for its words. */
function nearIds(id: string, service: AnswerService): string[] {
  const words = id.split('-').filter((w) => w.length >= 3);
  const sharing = service.knowledge.entries.map((e) => e.id).filter((other) => other.split('-').some((w) => words.includes(w)));
  const match = service.match(id.replace(/-/g, ' '));
  const plausible = match.candidates.slice(0, match.plausible).map((c) => c.entry.id);
  return [...new Set([...sharing, ...plausible])].slice(0, 3);
}
