// FAQBOT_DISCORD_SHARDS reaches discord.js's own sharding options, and nothing changes without it.
import { describe, expect, it } from 'vitest';
import { createClient } from '../../adapters/discord/index.js';
import { readSecrets } from '../../src/secrets.js';

describe('gateway shards', () => {
  it.each([
    // discord.js's defaults: shard 0 of 1.
    [undefined, [0], 1],
    ['auto', 'auto', undefined],
    ['4', [0, 1, 2, 3], 4],
  ] as const)('FAQBOT_DISCORD_SHARDS=%s', async (value, shards, shardCount) => {
    const client = createClient(readSecrets({ DISCORD_TOKEN: 't', ...(value ? { FAQBOT_DISCORD_SHARDS: value } : {}) }));
    expect(client.options.shards).toEqual(shards);
    if (shardCount !== undefined) expect(client.options.shardCount).toBe(shardCount);
    await client.destroy();
  });
});
