import { createInterface } from 'node:readline';
import type { AnswerService } from '../../../src/service/answer-service.js';
import type { CommandBody, Io } from '../../command.js';
import { loadContext, stringFlag } from '../../context.js';
import { knowledgeHelp, knowledgeOption } from '../../knowledge-flag.js';
import { localeHelp, consoleQuery, localeOf, localeOption } from '../../locale-flag.js';
import { renderReply, terminalWidth } from '../../render-terminal.js';

export const chatBody: CommandBody = {
  usage: 'faqbot chat [--explain] [--locale LOCALE] [--knowledge PATH]',
  options: { explain: { type: 'boolean' }, ...localeOption, ...knowledgeOption },
  optionHelp: { explain: 'show candidates and scores under each answer', ...localeHelp, ...knowledgeHelp },
  async run({ values }, io) {
    const { service } = loadContext(io, stringFlag(values.knowledge));
    return runChat(io, service, values.explain === true, localeOf(values.locale));
  },
};

const PROMPT = 'faqbot> ';
const HISTORY_SIZE = 200;

/**
 * A read-eval-print loop over the answer service; ends on "exit", "quit" or end of input. In a
 * terminal, node:readline gives a prompt, line editing and Up/Down history. The knowledge
 * files' footers (e.g. trademarks) are shown once, with the topics, not after every answer.
 * Asks from here are `via: 'console'`: the service neither rate-limits nor records them.
 */
export async function runChat(io: Io, service: AnswerService, explain: boolean, locale: { locale?: string } = {}): Promise<number> {
  const tty = io.stdout?.isTTY === true;
  const width = () => terminalWidth(io);
  const help = service.help({}, locale);
  io.out(renderReply(help, { width: width() }));
  const footers = [...new Set(service.knowledge.files.flatMap((f) => (f.footer ? [f.footer] : [])))];
  // help() already carries the first footer; show the others once too.
  for (const footer of footers) if (help.kind !== 'help' || help.footer !== footer) io.out(footer);
  io.out('');
  const rl = createInterface({
    input: io.stdin,
    ...(tty ? { output: io.stdout, prompt: PROMPT, terminal: true, historySize: HISTORY_SIZE } : { terminal: false }),
  });
  if (tty) rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === 'exit' || text === 'quit') break;
    if (text !== '') {
      const match = service.match(text, locale);
      const reply = await service.ask(consoleQuery(text, locale));
      io.out(renderReply(reply, { match, explain, width: width(), footer: false }));
      io.out('');
    }
    if (tty) rl.prompt();
  }
  rl.close();
  return 0;
}
