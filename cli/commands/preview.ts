// `faqbot preview`, as `faqbot --help` lists it; the rest (preview/run.ts) loads when it runs.
import type { Previewer } from '../../src/platform.js';
import type { CommandDescriptor } from '../command.js';

/**
 * `loadPreviewers`: each adapter's pure renderer, which bin/ loads for the command (cli/ never
 * imports an adapter); called only when the command runs.
 */
export const previewCommand = (loadPreviewers: () => Promise<readonly Previewer[]>): CommandDescriptor => ({
  name: 'preview',
  summary: 'Show what the bot would post for an entry id or a question, per platform (payload JSON and readable text)',
  load: async () => (await import('./preview/run.js')).previewBody(await loadPreviewers()),
});
