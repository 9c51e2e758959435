// `faqbot preview` for Slack: the reply to `/faq QUESTION` as the Block Kit message Slack
// receives (`text` and `blocks`) and as readable text. Pure; Bolt is not loaded.
import type { Previewer } from '../../src/index.js';
import { renderReply, type Block, type SlackMessage } from './blocks.js';

export const slackPreviewer: Previewer = {
  platform: 'slack',
  preview(reply, question) {
    const message = renderReply(reply, { via: 'command', queryText: question });
    const payload = { ...(reply.visibility === 'private' ? { response_type: 'ephemeral' } : {}), ...message };
    return { payload, text: readable(message, reply.visibility === 'private') };
  },
};

/** Roughly as Slack shows it: headers underlined, context lines indented, buttons in brackets. */
export function readable(message: SlackMessage, ephemeral: boolean): string {
  const lines: string[] = [];
  if (ephemeral) lines.push('(only visible to you)');
  for (const block of message.blocks) lines.push(...blockLines(block));
  return lines.join('\n');
}

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'header':
      return [block.text.text, '-'.repeat(Math.min(block.text.text.length, 60))];
    case 'section': {
      const text = block.text ? [block.text.text] : [];
      const fields = (block.fields ?? []).map((f) => f.text.replace(/\n/g, ': '));
      return [...text, ...fields];
    }
    case 'context':
      return block.elements.map((e) => `  ${'text' in e ? e.text : ''}`);
    case 'actions':
      return [block.elements.map((e) => (e.type === 'button' ? `[${e.text.text}]` : `[${e.type}]`)).join(' ')];
    default:
      return [`[${block.type} block]`];
  }
}
