// The layers of docs/architecture.md as the lint rules enforce them: an import the wrong way is
// an error `npm run lint` (and CI) reports, with a message saying what to do instead.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

/** The boundary errors ESLint reports for `code` written in the file at `path`. */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/service/x.ts', "import { LIMITS } from '../../adapters/discord/limits.js';", /knows no platform/],
    ['src/x.ts', "export const start = () => import('../bin/start.js');", /knows no platform/],
    ['src/x.ts', "import { Client } from 'discord.js';", /platform SDKs belong in adapters/],
    ['src/x.ts', "export { FakeDiscord } from '../test/fakes/discord/server.js';", /not part of the product/],
    ['adapters/discord/x.ts', "import type { Entry } from '../../src/domain.js';", /src\/index\.js/],
    ['adapters/slack/listeners/x.ts', "import { commandGroup } from '../../../src/cli/command.js';", /src\/index\.js/],
    ['adapters/discord/x.ts', "import { FAQ_COMMAND } from '../slack/names.js';", /does not import the Slack adapter/],
    ['adapters/slack/x.ts', "import { LIMITS } from '../discord/limits.js';", /does not import the Discord adapter/],
    ['adapters/slack/x.ts', "import { startBot } from '../../bin/start.js';", /composition root/],
    ['bin/x.ts', "import { suites } from '../bench/suites.js';", /development tool/],
    ['bin/x.ts', "import { FakeDiscord } from '../test/fakes/discord/server.js';", /not part of the product/],
    ['bench/x.ts', "import { startHarness } from '../test/discord/harness.js';", /test\/fakes\//],
  ])('%s: %s is refused', async (path, code, message) => {
    const errors = await boundaryErrors(path, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['adapters/discord/x.ts', "import { shorten, type Entry } from '../../src/index.js';"],
    ['adapters/slack/listeners/x.ts', "import { guard } from '../guard.js';"],
    ['bin/x.ts', "import { discordAdapter } from '../adapters/discord/adapter.js';"],
    ['bench/x.ts', "import { FakeDiscord } from '../test/fakes/discord/server.js';"],
    ['test/x.ts', "import { AnswerService } from '../src/service/answer-service.js';"],
  ])('%s: %s is allowed', async (path, code) => {
    expect(await boundaryErrors(path, code)).toEqual([]);
  });
});
