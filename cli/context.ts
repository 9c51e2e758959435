// What most commands need: the config, the knowledge base and an answer service over it.
import { loadConfig, type Config } from '../src/config.js';
import type { KnowledgeBase, Problem } from '../src/domain.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { AnswerService } from '../src/service/answer-service.js';
import type { Io } from './command.js';
import { existingKnowledgePath } from './knowledge-flag.js';

export interface Context {
  config: Config;
  knowledgePath: string;
  knowledge: KnowledgeBase;
  warnings: Problem[];
  service: AnswerService;
}

export function loadContext(io: Io, knowledgeFlag?: string): Context {
  const config = loadConfig(io.env, io.cwd);
  const knowledgePath = existingKnowledgePath(knowledgeFlag, config, io);
  const { knowledge, warnings } = loadKnowledge(knowledgePath, io.cwd);
  const service = new AnswerService({ knowledge, policy: config.settings.policy, matcher: config.settings.matcher });
  return { config, knowledgePath, knowledge, warnings, service };
}

export function stringFlag(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
