import type { CommandBody } from '../../command.js';
import { loadContext, stringFlag } from '../../context.js';
import { knowledgeHelp, knowledgeOption } from '../../knowledge-flag.js';
import { localeHelp, consoleQuery, localeOf, localeOption } from '../../locale-flag.js';
import { matchJson, renderReply, terminalWidth } from '../../render-terminal.js';

export const askBody: CommandBody = {
  usage: 'faqbot ask "question" [--json] [--explain] [--locale LOCALE] [--knowledge PATH]',
  options: {
    json: { type: 'boolean' },
    explain: { type: 'boolean' },
    ...localeOption,
    ...knowledgeOption,
  },
  optionHelp: {
    json: 'print the decision, the entry and the candidates as JSON',
    explain: 'show the ranked candidates and their scores',
    ...localeHelp,
    ...knowledgeHelp,
  },
  async run({ values, positionals }, io) {
    const text = positionals.join(' ');
    const { service } = loadContext(io, stringFlag(values.knowledge));
    const locale = localeOf(values.locale);
    const match = service.match(text, locale);
    const reply = await service.ask(consoleQuery(text, locale));
    if (values.json) io.out(JSON.stringify(matchJson(match, reply), null, 2));
    else io.out(renderReply(reply, { match, explain: values.explain === true, width: terminalWidth(io) }));
    return 0;
  },
};
