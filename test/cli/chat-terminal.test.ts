// The console chat in a terminal: node:readline gives a prompt, line editing and history.
// A PassThrough posing as a TTY stands in for the terminal; keys are sent as a terminal does.
import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import type { Io } from '../../cli/command.js';
import { runChat } from '../../cli/commands/chat/run.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AnswerService } from '../../src/service/answer-service.js';

it('shows a prompt and recalls the previous question with the Up arrow, wrapping at the terminal width', async () => {
  const service = new AnswerService({ knowledge: loadKnowledge('knowledge').knowledge });
  const stdin = new PassThrough();
  const screen: string[] = [];
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 50 });
  stdout.on('data', (d: Buffer) => screen.push(d.toString()));
  const out: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: () => {}, stdin, stdout, cwd: process.cwd(), env: {} };
  const done = runChat(io, service, false);
  const type = async (keys: string) => {
    stdin.write(keys);
    await new Promise((r) => setTimeout(r, 20));
  };
  await type('fips\r');
  await type('\u001b[A'); // Up: the last question comes back on the line
  await type('\r');
  await type('exit\r');
  expect(await done).toBe(0);
  expect(screen.join('')).toContain('faqbot> ');
  expect(screen.join('')).not.toContain('^[[A');
  const answers = out.filter((t) => t.startsWith('Is AlmaLinux OS FIPS-140 compliant??'));
  expect(answers).toHaveLength(2);
  for (const line of answers[0]!.split('\n')) if (!line.includes('https://')) expect(line.length).toBeLessThanOrEqual(50);
});
