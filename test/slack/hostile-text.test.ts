// Text that must not come back out as a link or a ping: member URLs echoed in a public "no
// answer", a `<!here>` written into a knowledge question, and invisible characters that used to
// hide a word from the matcher.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, eventCallback, slashCommand } from '../fakes/slack/payloads.js';
import { blocksOf, headerText, sectionTexts } from './blocks-of.js';
import { KNOWLEDGE, startHarness, type Harness } from './harness.js';

const HOSTILE_ENTRY = `entries:
  - id: outage-alerts
    question: Who gets <!here> alerts during an outage?
    answer: The on-call team gets the alerts; nobody else is paged.
    keywords: [outage alerts, paging]
`;

describe('Slack replies and hostile text', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faqbot-hostile-'));
    await cp(KNOWLEDGE, dir, { recursive: true });
    await writeFile(join(dir, 'hostile.yaml'), HOSTILE_ENTRY);
    h = await startHarness('http', { FAQBOT_KNOWLEDGE: dir });
  });
  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('does not echo a member\'s links in a public "no answer"', async () => {
    const channelId = h.id('C');
    const text = '<@UBOT> xyzzy <https://evil.example/login|https://evil.example/login> plugh www.phish.test/x evil.com mail me@evil.org';
    await h.driver.event(eventCallback(appMention({ text, userId: h.id('U'), channelId, ts: '1700004000.000001' })));
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    const shown = `${String(post.args.text)}\n${JSON.stringify(blocksOf(post.args))}`;
    expect(sectionTexts(post.args)[0]).toContain("Sorry, I don't have an answer for “xyzzy (link) plugh (link) (link) mail (link)”");
    expect(shown).not.toMatch(/evil|phish|https?:/);
  });

  it('keeps <!here> from a knowledge question out of the plain_text header and the buttons', async () => {
    const acked = await h.driver.command(
      slashCommand({ text: 'outage alerts', userId: h.id('U'), channelId: h.id('C'), responseUrl: h.fake.responseUrl() }),
    );
    const body = JSON.parse(acked.body) as Record<string, unknown>;
    expect(headerText(body)).toBe('Who gets @here alerts during an outage?');
    expect(JSON.stringify(blocksOf(body))).not.toContain('<!here>');
  });

  it('answers a question with invisible characters inside its words', async () => {
    const channelId = h.id('C');
    await h.driver.event(
      eventCallback(
        appMention({
          text: '<@UBOT> how do I mi\u00adgr\u2060ate from cen\ufefftos',
          userId: h.id('U'),
          channelId,
          ts: '1700004001.000001',
        }),
      ),
    );
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channelId);
    expect(headerText(post.args)).toBe('How do I migrate from CentOS to AlmaLinux?');
  });
});
