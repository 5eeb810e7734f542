// `npm start`: the console chat when no platform token is set; otherwise the platform adapters.
import 'dotenv/config';
import { ConfigError, KnowledgeError, loadConfig, loadCore } from '../src/index.js';
import { runConsole } from './console/chat.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const core = await loadCore(config.KNOWLEDGE_DIR);
  const platforms = [config.DISCORD_TOKEN && 'Discord', config.TELEGRAM_BOT_TOKEN && 'Telegram'].filter(Boolean);
  if (platforms.length === 0) {
    await runConsole(core, process.stdin, process.stdout);
    return;
  }
  throw new Error(`${platforms.join(' and ')} support is not built yet; unset the token(s) to use the console bot.`);
}

main().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof KnowledgeError;
  console.error(known ? err.message : err);
  process.exitCode = 1;
});
