// Slack distributed by OAuth, end to end: the real Bolt app and its installer against the fake
// Slack, over HTTP as a browser and Slack would. Two workspaces install the app (GET
// /slack/install → state cookie → GET /slack/oauth_redirect?code=…&state=…); each later request
// is answered from its community's knowledge with its own installation's token; an uninstall
// or a revoked token deletes the installation, and that workspace is answered no more.
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../adapters/slack/manifest.js';
import { openSqlite } from '../../src/insights/sqlite.js';
import { CLIENT_ID, CLIENT_SECRET } from '../fakes/slack/fake-slack.js';
import { appMention, eventCallback, slashCommand } from '../fakes/slack/payloads.js';
import { startHarness, type Harness } from '../slack/harness.js';
import { twoKnowledge } from './knowledge.js';

const BOATS = 'T0BOATS';
const TRAINS = 'T0TRAINS';
const STATE_SECRET = 'a-state-secret-of-the-operators-own';
let h: Harness;
let base: string;

beforeAll(async () => {
  const k = twoKnowledge();
  h = await startHarness(
    'http',
    {
      // OAuth instead of one bot token: the harness's SLACK_BOT_TOKEN is unset.
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: CLIENT_ID,
      SLACK_CLIENT_SECRET: CLIENT_SECRET,
      SLACK_STATE_SECRET: STATE_SECRET,
    },
    ['communities:', `  ${BOATS}: { name: Boat Club, knowledge: ${k.boats} }`, `  ${TRAINS}: { knowledge: ${k.trains} }`, ''].join('\n'),
  );
  base = `http://127.0.0.1:${h.slack.port}`;
});
afterAll(async () => {
  await h?.close();
});

interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** What a browser does: open the install page, follow "Add to Slack", allow, come back. */
async function install(teamId: string, teamName: string): Promise<{ done: Got; authorize: URL }> {
  const page = await get('/slack/install');
  expect(page.status).toBe(200);
  const cookie = [page.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('slack-app-oauth-state='));
  expect(cookie).toBeDefined();
  const state = cookie!.split(';')[0]!.slice('slack-app-oauth-state='.length);
  const link = /href="(https:\/\/slack\.com\/oauth\/v2\/authorize[^"]+)"/.exec(page.body)?.[1];
  expect(link).toBeDefined();
  const authorize = new URL(link!.replace(/&amp;/g, '&'));
  expect(authorize.searchParams.get('state')).toBe(state);
  // Slack shows the scopes asked for; "Allow" sends the browser back with a one-time code.
  const code = h.fake.grant({ teamId, teamName, scopes: authorize.searchParams.get('scope')!, userId: 'UADMIN' });
  const done = await get(`/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    cookie: `slack-app-oauth-state=${state}`,
  });
  return { done, authorize };
}

function storedInstallations(): { key: string; data: string }[] {
  const db = openSqlite(join(h.cwd, 'faqbot.db'), { readonly: true, timeoutMs: 1000 });
  try {
    return db.prepare("SELECT key, data FROM installations WHERE platform = 'slack' ORDER BY key").all() as { key: string; data: string }[];
  } finally {
    db.close();
  }
}

/** An Events API callback from one workspace, as Slack sends it to an app installed there. */
function fromTeam(event: Record<string, unknown>, teamId: string): Record<string, unknown> {
  return {
    ...eventCallback(event),
    team_id: teamId,
    authorizations: [{ team_id: teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  };
}

async function mention(teamId: string, text: string) {
  const channelId = h.id('C');
  const acked = await h.driver.event(
    fromTeam(
      appMention({ text: `<@UBOT> ${text}`, userId: h.id('U'), channelId, ts: `17000${Math.floor(Math.random() * 1e5)}.000001` }),
      teamId,
    ),
  );
  expect(acked.status).toBe(200);
  return channelId;
}

async function until(what: string, found: () => boolean): Promise<void> {
  for (let waited = 0; !found(); waited += 20) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}; log: ${h.logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const tokenOf = (teamId: string) => [...h.fake.issued.values()].find((t) => t.teamId === teamId)!.token;

describe('Slack installed to several workspaces by OAuth', () => {
  it("installs through /slack/install and /slack/oauth_redirect, asking for the manifest's scopes", async () => {
    const { done, authorize } = await install(BOATS, 'Boat Club');
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('scope')!.split(',')).toEqual([...BOT_SCOPES]);
    expect(done.status).toBe(200);
    expect(done.body).toContain('Thank you!');
    // The code was exchanged with the app's credentials, and the installation kept in the insights database.
    expect(h.fake.callsTo('oauth.v2.access')[0]!.args).toMatchObject({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    const stored = storedInstallations();
    expect(stored.map((s) => s.key)).toEqual([`team:${BOATS}`]);
    expect(JSON.parse(stored[0]!.data)).toMatchObject({
      team: { id: BOATS, name: 'Boat Club' },
      bot: { token: tokenOf(BOATS), scopes: [...BOT_SCOPES] },
    });
    expect(h.logs.some((l) => l.includes(`slack: installed to workspace ${BOATS} (Boat Club)`))).toBe(true);
    await install(TRAINS, 'Rail Fans');
    expect(storedInstallations().map((s) => s.key)).toEqual([`team:${BOATS}`, `team:${TRAINS}`]);
  });

  it('refuses a redirect that does not come back to the browser that started the install', async () => {
    const page = await get('/slack/install');
    const state = [page.headers['set-cookie'] ?? []].flat()[0]!.split(';')[0]!.split('=')[1]!;
    const code = h.fake.grant({ teamId: 'T0INTRUDER' });
    // The state from someone else's install page, without that browser's cookie: a forged link.
    const forged = await get(`/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`);
    expect(forged.status).toBe(400);
    expect(storedInstallations().map((s) => s.key)).not.toContain('team:T0INTRUDER');
  });

  it("answers each workspace from its own knowledge, with its own installation's token", async () => {
    const boatsChannel = await mention(BOATS, 'house rules');
    const boatsPost = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === boatsChannel);
    expect(JSON.stringify(boatsPost.args.blocks)).toContain('Life jackets');
    expect(boatsPost.token).toBe(tokenOf(BOATS));
    const trainsChannel = await mention(TRAINS, 'house rules');
    const trainsPost = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === trainsChannel);
    expect(JSON.stringify(trainsPost.args.blocks)).toContain('No photos with flash');
    expect(trainsPost.token).toBe(tokenOf(TRAINS));
    expect(tokenOf(BOATS)).not.toBe(tokenOf(TRAINS));
  });

  it('never writes a bot token to the log', () => {
    for (const t of h.fake.issued.values()) expect(h.logs.join('\n')).not.toContain(t.token);
  });

  it('deletes the installation on app_uninstalled; the workspace is answered no more, and the log says so once', async () => {
    await h.driver.event(fromTeam({ type: 'app_uninstalled' }, BOATS));
    await until('the uninstall', () =>
      h.logs.some((l) => l.includes(`the app was uninstalled from workspace ${BOATS}; its installation was deleted`)),
    );
    h.fake.revokeTokensOf(BOATS);
    expect(storedInstallations().map((s) => s.key)).toEqual([`team:${TRAINS}`]);

    const posts = () => h.fake.callsTo('chat.postMessage').length;
    const before = posts();
    const silent = [await mention(BOATS, 'house rules'), await mention(BOATS, 'mooring fee')];
    // A command from the uninstalled workspace is acknowledged with nothing.
    const responseUrl = h.fake.responseUrl();
    const acked = await h.driver.command({
      ...slashCommand({ text: 'house rules', userId: h.id('U'), channelId: h.id('C'), responseUrl }),
      team_id: BOATS,
    });
    expect(acked.status).toBe(200);
    expect(acked.body).toBe('');
    // The other workspace still is answered; by the time its answer is posted, the uninstalled
    // workspace's requests (sent earlier) have been turned away before any listener ran.
    const trainsChannel = await mention(TRAINS, 'timetable');
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === trainsChannel);
    expect(posts()).toBe(before + 1);
    expect(h.fake.calls.filter((c) => silent.includes(String(c.args.channel)))).toEqual([]);
    expect(h.fake.responses.filter((r) => responseUrl.endsWith(`/${r.id}`))).toEqual([]);
    const said = h.logs.filter((l) => l.includes(`workspace ${BOATS} has no installation`));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^warn .*its requests are not answered\. To answer it, install the app there from \/slack\/install/);
    // Bolt's own warning and error for each such request are not repeated in the log.
    expect(h.logs.filter((l) => /Authorization of incoming event|could not be handled/.test(l))).toEqual([]);
  });

  it('installing again answers the workspace again', async () => {
    await install(BOATS, 'Boat Club');
    const channel = await mention(BOATS, 'house rules');
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channel);
    const tokens = [...h.fake.issued.values()].filter((t) => t.teamId === BOATS);
    expect(tokens).toHaveLength(2);
    expect(post.token).toBe(tokens[1]!.token);
  });

  it('deletes the installation when its bot token is revoked (tokens_revoked)', async () => {
    await h.driver.event(fromTeam({ type: 'tokens_revoked', tokens: { bot: ['UBOT2'] } }, TRAINS));
    await until('the revocation', () =>
      h.logs.some((l) => l.includes(`the bot token was revoked in workspace ${TRAINS}; its installation was deleted`)),
    );
    expect(storedInstallations().map((s) => s.key)).toEqual([`team:${BOATS}`]);
  });
});
