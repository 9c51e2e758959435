import { resolve } from 'node:path';
import { loadConfig } from '../../config.js';
import { checkKnowledge, formatProblem } from '../../knowledge/load.js';
import type { Command } from '../command.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Validate knowledge files; exit 1 on errors, print warnings',
  usage: 'faqbot check [PATH]',
  options: {},
  async run({ positionals }, io) {
    const path = resolve(io.cwd, positionals[0] ?? loadConfig(io.env, io.cwd).settings.knowledgeDir);
    const { knowledge, problems } = checkKnowledge(path, io.cwd);
    for (const p of problems) (p.severity === 'error' ? io.err : io.out)(formatProblem(p));
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    if (!knowledge) {
      io.err(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
      return 1;
    }
    io.out(`ok: ${knowledge.entries.length} entries in ${knowledge.files.length} file${knowledge.files.length === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
    return 0;
  },
};
