import { createInterface } from 'node:readline';
import type { AnswerService } from '../../service/answer-service.js';
import type { Command, Io } from '../command.js';
import { loadContext, stringFlag } from '../context.js';
import { knowledgeHelp, knowledgeOption } from '../knowledge-flag.js';
import { renderReply } from '../render-terminal.js';

export const chatCommand: Command = {
  name: 'chat',
  summary: 'Ask questions in a terminal chat',
  usage: 'faqbot chat [--explain] [--knowledge PATH]',
  options: { explain: { type: 'boolean' }, ...knowledgeOption },
  optionHelp: { explain: 'show candidates and scores under each answer', ...knowledgeHelp },
  async run({ values }, io) {
    const { service } = loadContext(io, stringFlag(values.knowledge));
    return runChat(io, service, values.explain === true);
  },
};

/** A read-eval-print loop over the answer service; ends on "exit", "quit" or end of input. */
export async function runChat(io: Io, service: AnswerService, explain: boolean): Promise<number> {
  io.out(renderReply(service.help()));
  const rl = createInterface({ input: io.stdin, terminal: false });
  io.out('');
  for await (const line of rl) {
    const text = line.trim();
    if (text === 'exit' || text === 'quit') break;
    const match = service.match(text);
    const reply = service.ask({ text, platform: 'console', channelId: 'console', asker: { id: 'console' }, via: 'console' });
    io.out(renderReply(reply, match, explain));
    io.out('');
  }
  rl.close();
  return 0;
}
