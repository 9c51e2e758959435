// `faqbot import`, as `faqbot --help` lists it; the rest (import/run.ts, with the Markdown
// toolchain) loads when it runs.
import type { CommandDescriptor } from '../command.js';

export const importCommand: CommandDescriptor = {
  name: 'import',
  summary: 'Turn a FAQ page (Markdown) into a knowledge file, or update one from a changed page',
  load: async () => (await import('./import/run.js')).importBody,
};
