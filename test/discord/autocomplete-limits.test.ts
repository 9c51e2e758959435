// Discord's autocomplete limits belong to the adapter: at most 25 choices, names of at most 100
// characters. The core returns what it is asked for, labels uncut, so a base larger than 25
// entries with a long question shows whether the adapter applies them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { autocomplete } from '../fakes/discord/payloads.js';
import { startHarness, type Harness } from './harness.js';

const LONG = `How do I configure the ${'very '.repeat(30)}long option name for the widget?`;

let h: Harness;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faqbot-discord-limits-'));
  const entries = Array.from({ length: 40 }, (_, i) =>
    [
      `  - id: widget-${i}`,
      `    question: ${i === 0 ? LONG : `How do I set widget option number ${i}?`}`,
      '    keywords: [widget]',
      `    answer: Open the widget settings and change option ${i}.`,
    ].join('\n'),
  );
  await writeFile(join(dir, 'faq.yaml'), `title: Widgets\nentries:\n${entries.join('\n')}\n`);
  h = await startHarness('', { FAQBOT_KNOWLEDGE: dir });
});
afterAll(async () => {
  await h?.stop();
  await rm(dir, { recursive: true, force: true });
});

test('offers at most 25 choices, each name within 100 characters and cut with an ellipsis', async () => {
  const { body } = await h.fake.callbackOf(h.fake.interact(autocomplete(h.general, h.member(), 'widget')));
  const choices = body.data.choices as { name: string; value: string }[];
  expect(choices).toHaveLength(25);
  for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  const typed = await h.fake.callbackOf(h.fake.interact(autocomplete(h.general, h.member(), 'configure the very long option')));
  const long = (typed.body.data.choices as { name: string; value: string }[]).find((c) => c.value === 'widget-0');
  expect(long?.name.length).toBeLessThanOrEqual(100);
  expect(long?.name.endsWith('…')).toBe(true);
  expect(long?.name.startsWith('How do I configure the very')).toBe(true);
});
