// Loading the core from disk, with every fact-base problem turned into one readable error.
import type { ConversationStore } from './conversation.js';
import { BotCore } from './core.js';
import { loadFactBase } from './knowledge/load.js';
import { formatProblem, type ParseResult } from './knowledge/parse.js';

export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
}

export async function loadCore(
  knowledgeDir: string,
  conversations?: ConversationStore,
  load: () => Promise<ParseResult> = () => loadFactBase(knowledgeDir),
): Promise<BotCore> {
  const loaded = await load();
  if (!loaded.ok) {
    const list = loaded.problems.map((p) => `  ${formatProblem(p)}`).join('\n');
    throw new KnowledgeError(`The fact base in ${knowledgeDir}/ has ${loaded.problems.length} problem(s):\n${list}\nRun "npm run kb:check" after fixing them.`);
  }
  return new BotCore(loaded.base, undefined, conversations);
}
