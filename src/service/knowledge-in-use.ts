// The one sentence that tells a community's moderators which knowledge answers them: server
// admins often have no access to the deployment's config.
import type { KnowledgeInUse } from '../domain.js';

export function knowledgeLine(k: KnowledgeInUse): string {
  return `Knowledge used here: "${k.title}", ${k.entries} entr${k.entries === 1 ? 'y' : 'ies'} (community "${k.community}").`;
}
