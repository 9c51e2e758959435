// `faqbot preview`: what a reviewer of a knowledge change sees, per platform, through the
// command as registered in the composition root (bin/commands.ts).
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commands } from '../../bin/commands.js';
import type { Io } from '../../cli/command.js';
import { runCli } from '../../cli/run-cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function preview(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: new PassThrough(), cwd: root, env: { FAQBOT_CONFIG: '' } };
  const code = await runCli(['preview', ...args], commands, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Shown {
  reply: string;
  entry?: string;
  payload: Record<string, unknown>;
}

describe('faqbot preview', () => {
  it('shows an entry by id as the Discord message body: embed with title, answer and links, buttons, private, pinging nobody', async () => {
    const r = await preview('fips', '--platform', 'discord', '--json');
    expect(r.code).toBe(0);
    const { discord } = JSON.parse(r.out) as Record<string, Shown>;
    expect(discord).toMatchObject({ reply: 'answer', entry: 'fips' });
    const payload = discord!.payload as {
      embeds: { title: string; description: string; fields: { name: string }[] }[];
      components: { components: { label: string; custom_id: string }[] }[];
      allowed_mentions: unknown;
      flags: number;
    };
    expect(payload.embeds[0]).toMatchObject({
      title: 'Is AlmaLinux OS FIPS-140 compliant??',
      description: expect.stringContaining('FIPS-140 compliant'),
      fields: [{ name: 'Links' }],
    });
    expect(payload.components[0]!.components.map((c) => c.label)).toEqual(['Post in channel', 'Helpful', 'Not helpful']);
    expect(payload.allowed_mentions).toEqual({ parse: [], users: [], replied_user: false });
    expect(payload.flags).toBe(64);
    // The same output every run, so it can be diffed in review.
    expect((await preview('fips', '--platform', 'discord', '--json')).out).toBe(r.out);
  });

  it("shows an entry's translation with --locale, as a member of that language would see it", async () => {
    const r = await preview(
      'install-desktop',
      '--platform',
      'discord',
      '--locale',
      'es-ES',
      '--json',
      '--knowledge',
      'test/fixtures/languages/knowledge',
    );
    expect(r.code).toBe(0);
    const payload = (JSON.parse(r.out) as Record<string, Shown>).discord!.payload as {
      embeds: { title: string; fields: { name: string }[] }[];
      components: { components: { label: string }[] }[];
    };
    expect(payload.embeds[0]).toMatchObject({ title: '¿Cómo instalo la aplicación de escritorio?', fields: [{ name: 'Enlaces' }] });
    expect(payload.components[0]!.components.map((c) => c.label)).toEqual(['Publicar en el canal', 'Útil', 'No es útil']);
  });

  it('shows a question as Slack would get it: Block Kit blocks and a text fallback', async () => {
    const r = await preview('is', 'almalinux', 'fips', 'certified?', '--platform', 'slack', '--json');
    expect(r.code).toBe(0);
    const { slack } = JSON.parse(r.out) as Record<string, Shown>;
    expect(slack).toMatchObject({ reply: 'answer', entry: 'fips' });
    const payload = slack!.payload as {
      response_type: string;
      text: string;
      blocks: { type: string; text?: { text: string }; elements?: { text: { text: string } }[] }[];
    };
    expect(payload.response_type).toBe('ephemeral');
    expect(payload.text).toMatch(/^Is AlmaLinux OS FIPS-140 compliant\?\? — /);
    expect(payload.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Is AlmaLinux OS FIPS-140 compliant??' } });
    expect(payload.blocks.find((b) => b.type === 'section')?.text?.text).toContain(
      '<https://almalinux.org/blog/2023-09-19-fips-validation-for-almalinux/|FIPS Validation for AlmaLinux OS>',
    );
    expect(payload.blocks.at(-1)?.elements?.map((e) => e.text.text)).toEqual(['Share in channel', '👍 Helpful', '👎 Not helpful']);
  });

  it('prints every platform readably and as JSON when no platform is chosen, and suggestions for a vague question', async () => {
    const r = await preview('fips');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^== discord: answer `fips`, private ==$/m);
    expect(r.out).toMatch(/^┃ \*\*Is AlmaLinux OS FIPS-140 compliant\?\?\*\*/m);
    expect(r.out).toMatch(/^\[Post in channel\] \[👍 Helpful\] \[👎 Not helpful\]$/m);
    expect(r.out).toMatch(/^== slack: answer `fips`, private ==$/m);
    expect(r.out).toMatch(/^\[Share in channel\] \[👍 Helpful\] \[👎 Not helpful\]$/m);
    expect(r.out).toMatch(/^== console: answer `fips`, private ==$/m);
    expect(r.out).toMatch(/^-- slack payload \(JSON\) --\n\{\n {2}"response_type": "ephemeral"/m);
    const none = await preview('what is the capital of peru', '--platform', 'slack');
    expect(none.out).toMatch(/^== slack: no answer, private ==$/m);
    expect(none.out).toContain("Sorry, I don't have an answer for “what is the capital of peru”.");
  });

  it('says which ids exist when an id is unknown, and which platforms when a platform is', async () => {
    const r = await preview('migrate-hosts');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^faqbot preview: no entry has the id `migrate-hosts`\n {2}closest ids: `migrate-host`, `migrate-fleet`/);
    expect(r.err).toContain('to preview a question instead, write it in words');
    const bad = await preview('fips', '--platform', 'teams');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown platform "teams"; use one of: discord, slack, console/);
  });
});
