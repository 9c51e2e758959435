import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, loadConfig } from '../src/config.js';
import { FaqbotError } from '../src/errors.js';

function dirWith(text?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-config-'));
  if (text !== undefined) writeFileSync(join(dir, 'faqbot.config.yaml'), text);
  return dir;
}

describe('configuration', () => {
  it('uses the documented defaults with no file', () => {
    const c = loadConfig({}, dirWith());
    expect(c.settings).toEqual(defaultSettings);
    expect(c.settings.policy.channelCooldownSeconds).toBe(60);
    expect(c.settings.policy.targeting).toBe('everyone');
    expect(c.configFile).toBeUndefined();
  });

  it('documents exactly the defaults in faqbot.config.example.yaml', () => {
    const c = loadConfig({ FAQBOT_CONFIG: 'faqbot.config.example.yaml' }, process.cwd());
    expect(c.settings).toEqual(defaultSettings);
  });

  it('merges a partial file over the defaults', () => {
    const c = loadConfig({}, dirWith('policy:\n  targeting: moderators\n  channelCooldownSeconds: 5\n'));
    expect(c.settings.policy.targeting).toBe('moderators');
    expect(c.settings.policy.channelCooldownSeconds).toBe(5);
    expect(c.settings.policy.targetCooldownSeconds).toBe(defaultSettings.policy.targetCooldownSeconds);
  });

  it.each([
    ['policy:\n  targeting: admins\n', /"policy\.targeting" must be "everyone" or "moderators"/],
    ['policy:\n  channelCooldownSeconds: soon\n', /"policy\.channelCooldownSeconds" must be a number/],
    ['polcy: {}\n', /unknown setting "polcy"/],
    [
      'handoff:\n  discordRole: 345678901234567890\n',
      /faqbot\.config\.yaml:2:16: "handoff\.discordRole" must be a Discord role id in quotes .*; YAML read .* as a number: put it in quotes/,
    ],
    ['handoff:\n  slackGroup: "@helpers"\n', /"handoff\.slackGroup" must be a Slack user group id, e\.g\. S0123ABCD/],
    ['policy: [1\n', /faqbot\.config\.yaml:\d+:\d+: .*fix the YAML syntax/],
    ['policy:\n  targeting: everyone\n  x: [1\n', /faqbot\.config\.yaml:4:1: .* at the end of the file; fix the YAML syntax/],
    [
      'matcher:\n  maxSuggestions: 3\n  confidenceBias: a: b\n',
      /faqbot\.config\.yaml:3:19: .* in `confidenceBias: a: b`; fix the YAML syntax/,
    ],
  ])('rejects %j with what is wrong', (text, message) => {
    expect(() => loadConfig({}, dirWith(text))).toThrow(message);
  });

  it.each([
    [
      'matcher:\n  maxSuggestions: 2.5\n',
      /faqbot\.config\.yaml:2:19: "matcher\.maxSuggestions" must be a whole number from 1 to 10, got 2\.5/,
    ],
    ['matcher:\n  confidenceBias: 99\n', /faqbot\.config\.yaml:2:19: "matcher\.confidenceBias" must be a number from -5 to 5, got 99/],
    ['policy:\n  rateLimitCount: 0\n', /"policy\.rateLimitCount" must be a whole number of at least 1, got 0/],
    ['insights:\n  retentionDays: 7.5\n', /"insights\.retentionDays" must be a whole number of at least 1/],
  ])('checks whole numbers and ranges: %j', (text, message) => {
    expect(() => loadConfig({}, dirWith(text))).toThrow(message);
  });

  it('reports every problem in the config at once, each with its line', () => {
    const text =
      'policy:\n  targeting: admins\n  channelCooldownSeconds: -1\nmatcher:\n  maxSuggestions: 2.5\n  confidenceBias: 99\npolcy: {}\n';
    let error: unknown;
    try {
      loadConfig({}, dirWith(text));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FaqbotError);
    const { message, details } = error as FaqbotError;
    expect(message).toMatch(/5 problems in the config/);
    expect(details).toEqual([
      expect.stringMatching(/faqbot\.config\.yaml:2:14: "policy\.targeting" must be "everyone" or "moderators"/),
      expect.stringMatching(/faqbot\.config\.yaml:3:27: "policy\.channelCooldownSeconds" must be a whole number of at least 0, got -1/),
      expect.stringMatching(/faqbot\.config\.yaml:5:19: "matcher\.maxSuggestions"/),
      expect.stringMatching(/faqbot\.config\.yaml:6:19: "matcher\.confidenceBias"/),
      expect.stringMatching(/faqbot\.config\.yaml:7:1: unknown setting "polcy"/),
    ]);
  });

  it('reads secrets from the environment only, ignoring blanks', () => {
    const c = loadConfig({ DISCORD_TOKEN: ' abc ', SLACK_BOT_TOKEN: '', PORT: '8080' }, dirWith());
    expect(c.secrets.discordToken).toBe('abc');
    expect(c.secrets.slackBotToken).toBeUndefined();
    expect(c.secrets.port).toBe(8080);
    expect(() => loadConfig({ PORT: 'eighty' }, dirWith())).toThrow(/PORT=eighty is not a port number/);
  });

  it('reads the engines and the Discord modes, naming the choices for a wrong value', () => {
    const none = loadConfig({}, dirWith()).secrets;
    expect(none).toMatchObject({ redisPrefix: 'faqbot:', discordInteractions: 'gateway', discordGateway: true, discordShards: 1 });
    expect(none.redisUrl).toBeUndefined();
    expect(none.databaseUrl).toBeUndefined();
    const set = loadConfig(
      {
        FAQBOT_REDIS_URL: 'redis://r:6379',
        FAQBOT_DATABASE_URL: 'postgresql://db/faqbot',
        FAQBOT_DISCORD_INTERACTIONS: 'HTTP',
        FAQBOT_DISCORD_GATEWAY: 'off',
        FAQBOT_DISCORD_SHARDS: 'auto',
      },
      dirWith(),
    ).secrets;
    expect(set).toMatchObject({
      redisUrl: 'redis://r:6379',
      databaseUrl: 'postgresql://db/faqbot',
      discordInteractions: 'http',
      discordGateway: false,
      discordShards: 'auto',
    });
    expect(() => loadConfig({ FAQBOT_DATABASE_URL: 'mysql://x' }, dirWith())).toThrow(/must start with postgres:\/\//);
    expect(() => loadConfig({ FAQBOT_DISCORD_INTERACTIONS: 'webhook' }, dirWith())).toThrow(/one of gateway, http/);
    expect(() => loadConfig({ FAQBOT_DISCORD_SHARDS: '0' }, dirWith())).toThrow(/"auto" or a whole number/);
  });

  it('lets FAQBOT_KNOWLEDGE and FAQBOT_CONFIG point elsewhere', () => {
    const dir = dirWith();
    writeFileSync(join(dir, 'other.yaml'), 'knowledgeDir: kb\n');
    expect(loadConfig({ FAQBOT_CONFIG: 'other.yaml' }, dir).settings.knowledgeDir).toBe('kb');
    expect(loadConfig({ FAQBOT_KNOWLEDGE: 'x' }, dir).settings.knowledgeDir).toBe('x');
    expect(() => loadConfig({ FAQBOT_CONFIG: 'missing.yaml' }, dir)).toThrow(/config file not found/);
  });
});

describe('channels', () => {
  it('reads rules by channel id, keeping long Discord ids exact even unquoted', () => {
    const c = loadConfig(
      {},
      dirWith(
        'channels:\n  default: { mention: ignore }\n  1234567890123456789: { mention: public, slash: deny }\n  C0123ABCD:\n    mention: private\n',
      ),
    );
    expect(c.settings.channels).toEqual({
      default: { mention: 'ignore' },
      '1234567890123456789': { mention: 'public', slash: 'deny' },
      C0123ABCD: { mention: 'private' },
    });
  });

  it('reports every wrong rule with its line and the values allowed', () => {
    let error: unknown;
    try {
      loadConfig(
        {},
        dirWith(
          'channels:\n  default: { mention: loud }\n  C1: { slash: no, voice: on }\n  "#general": { mention: public }\n  C2: public\n',
        ),
      );
    } catch (e) {
      error = e;
    }
    expect((error as FaqbotError).details).toEqual([
      expect.stringMatching(/faqbot\.config\.yaml:2:23: "channels\.default\.mention" must be "public", "private", "ignore", got "loud"/),
      expect.stringMatching(/faqbot\.config\.yaml:3:16: "channels\.C1\.slash" must be "allow" or "deny", got "no"/),
      expect.stringMatching(/faqbot\.config\.yaml:3:20: unknown setting "channels\.C1\.voice"; known settings here: mention, slash, help/),
      expect.stringMatching(/faqbot\.config\.yaml:4:3: "channels\.#general" is not a channel id/),
      expect.stringMatching(/faqbot\.config\.yaml:5:7: "channels\.C2" must be a mapping/),
    ]);
  });
});

describe('matcher.semantic', () => {
  it('takes static or off, and names the choices for anything else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-sem-'));
    writeFileSync(join(dir, 'faqbot.config.yaml'), 'matcher:\n  semantic: off\n');
    expect(loadConfig({}, dir).settings.matcher.semantic).toBe('off');
    writeFileSync(join(dir, 'faqbot.config.yaml'), 'matcher:\n  semantic: huge-model\n');
    expect(() => loadConfig({}, dir)).toThrow(/static|off/);
  });

  it('reads a language per channel and per community, and names the languages faqbot speaks for anything else', () => {
    const dir = dirWith('channels:\n  C0DE: { language: de }\ncommunities:\n  T0ES1: { knowledge: knowledge, language: es }\n');
    const { settings } = loadConfig({}, dir);
    expect(settings.channels.C0DE).toEqual({ language: 'de' });
    expect(settings.communities.T0ES1).toEqual({ knowledge: 'knowledge', language: 'es' });
    writeFileSync(
      join(dir, 'faqbot.config.yaml'),
      'channels:\n  C0FR: { language: fr }\ncommunities:\n  T0ES1: { knowledge: knowledge, language: es-ES }\n',
    );
    const error = (() => {
      try {
        loadConfig({}, dir);
      } catch (e) {
        return e as FaqbotError;
      }
      return undefined;
    })();
    expect(error?.details?.join('\n')).toMatch(
      /faqbot\.config\.yaml:2:21: "channels\.C0FR\.language" must be one of "en", "de", "es" \(the languages faqbot speaks\), got "fr"/,
    );
    expect(error?.details?.join('\n')).toMatch(/faqbot\.config\.yaml:4:44: "communities\.T0ES1\.language" must be one of "en", "de", "es"/);
  });
});
