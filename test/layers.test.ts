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
    ['src/service/x.ts', "import { renderReply } from '../../cli/render-terminal.js';", /does not import the commands/],
    ['src/x.ts', "export const run = () => import('../cli/run-cli.js');", /does not import the commands/],
    ['adapters/slack/listeners/x.ts', "import { commandGroup } from '../../../cli/command.js';", /do not import the commands/],
    ['adapters/discord/x.ts', "import { FAQ_COMMAND } from '../slack/names.js';", /does not import the Slack adapter/],
    ['adapters/slack/x.ts', "import { LIMITS } from '../discord/limits.js';", /does not import the Discord adapter/],
    ['adapters/slack/x.ts', "import { startBot } from '../../bin/start.js';", /composition root/],
    ['cli/commands/x.ts', "import { discordPreviewer } from '../../adapters/discord/preview.js';", /do not import an adapter/],
    ['cli/x.ts', "export const manifest = () => import('../adapters/slack/manifest.js');", /do not import an adapter/],
    ['cli/commands/x.ts', "import { startBot } from '../../bin/start.js';", /bin\/ imports cli\//],
    ['cli/x.ts', "import { suites } from '../bench/suites.js';", /bin\/ imports cli\//],
    ['cli/x.ts', "import { FakeSlack } from '../test/fakes/slack/server.js';", /not part of the product/],
    ['cli/x.ts', "import { Client } from 'discord.js';", /platform SDKs belong in adapters/],
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
    ['bin/x.ts', "import { runCli } from '../cli/run-cli.js';"],
    ['cli/commands/x.ts', "import { AnswerService } from '../../src/service/answer-service.js';"],
    ['cli/commands/x.ts', "import { renderReply } from '../render-terminal.js';"],
    ['bench/x.ts', "import { FakeDiscord } from '../test/fakes/discord/server.js';"],
    ['test/x.ts', "import { AnswerService } from '../src/service/answer-service.js';"],
  ])('%s: %s is allowed', async (path, code) => {
    expect(await boundaryErrors(path, code)).toEqual([]);
  });
});
