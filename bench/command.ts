import type { Command } from '../src/cli/command.js';
import type { BenchSuite } from './suite.js';

export function benchCommand(suites: readonly BenchSuite[]): Command {
  return {
    name: 'bench',
    summary: 'Measure speed: matcher, index build, and each platform adapter end to end',
    usage: 'faqbot bench [--only NAME]',
    options: { only: { type: 'string' } },
    optionHelp: { only: `run one suite: ${suites.map((s) => s.name).join(', ')}` },
    async run({ values }, io) {
      const only = typeof values.only === 'string' ? values.only : undefined;
      const chosen = only ? suites.filter((s) => s.name === only) : suites;
      if (chosen.length === 0) {
        io.err(`faqbot bench: no suite named "${only}"; choose one of ${suites.map((s) => s.name).join(', ')}`);
        return 2;
      }
      for (const suite of chosen) {
        io.out(`\n== ${suite.name}`);
        await suite.run((line) => io.out(line));
      }
      return 0;
    },
  };
}
