import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';

describe('configuration', () => {
  it('runs on defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config.KNOWLEDGE_DIR).toBe('knowledge');
    expect(config.DATA_DIR).toBe('data');
    expect(config.DISCORD_TOKEN).toBeUndefined();
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '', DISCORD_TOKEN: '  ' }).TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('names the variable and what it expects, without echoing the value', () => {
    const attempt = () => loadConfig({ TELEGRAM_BOT_TOKEN: 'secret-but-malformed' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/TELEGRAM_BOT_TOKEN expects a bot token from @BotFather/);
    expect(attempt).not.toThrow(/secret-but-malformed/);
  });

  it('rejects a bad port and a bad moderator list', () => {
    expect(() => loadConfig({ HEALTH_PORT: 'eighty' })).toThrow(/HEALTH_PORT expects a port number/);
    expect(() => loadConfig({ MODERATOR_TELEGRAM_IDS: '12, bob' })).toThrow(/MODERATOR_TELEGRAM_IDS expects numeric user ids/);
    expect(loadConfig({ MODERATOR_TELEGRAM_IDS: '12, 34' }).MODERATOR_TELEGRAM_IDS).toEqual(['12', '34']);
  });

  it('requires the application id with a Discord token, and a secret with a webhook', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'abc' })).toThrow(/DISCORD_APPLICATION_ID is required/);
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc', TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/hook' })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET is required/,
    );
  });

  it('limits questions to 10 and moderator commands to 5 a minute unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ RATE_LIMIT_PER_MINUTE: 10, MOD_COMMANDS_PER_MINUTE: 5 });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '30', MOD_COMMANDS_PER_MINUTE: '12' })).toMatchObject({ RATE_LIMIT_PER_MINUTE: 30, MOD_COMMANDS_PER_MINUTE: 12 });
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/RATE_LIMIT_PER_MINUTE expects a whole number of questions a minute/);
    expect(() => loadConfig({ MOD_COMMANDS_PER_MINUTE: '0' })).toThrow(/MOD_COMMANDS_PER_MINUTE expects at least 1 moderator change a minute/);
  });

  it('keeps the moderator limit stricter than the question limit', () => {
    expect(() => loadConfig({ MOD_COMMANDS_PER_MINUTE: '10' })).toThrow(/MOD_COMMANDS_PER_MINUTE \(10\) must be lower than RATE_LIMIT_PER_MINUTE \(10\)/);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '4' })).toThrow(/MOD_COMMANDS_PER_MINUTE \(5 by default\) must be lower than RATE_LIMIT_PER_MINUTE \(4\)/);
  });

  it('takes a Telegram announcement chat as a numeric chat id or a public @username, and refuses anything else by name', () => {
    for (const chat of ['-1001234567890', '123456789', '@istanbul_talks']) expect(loadConfig({ TELEGRAM_ANNOUNCE_CHAT: chat }).TELEGRAM_ANNOUNCE_CHAT).toBe(chat);
    expect(loadConfig({ TELEGRAM_ANNOUNCE_CHAT: ' @istanbul_talks ' }).TELEGRAM_ANNOUNCE_CHAT).toBe('@istanbul_talks');
    for (const chat of ['istanbul_talks', '@ab', '@1talks', 'https://t.me/istanbul_talks', '-100 123', '@istanbul-talks']) {
      expect(() => loadConfig({ TELEGRAM_ANNOUNCE_CHAT: chat }), chat).toThrow(/TELEGRAM_ANNOUNCE_CHAT expects a chat id \(e\.g\. -1001234567890\) or a public channel username/);
    }
  });

  it('takes DISCORD_SHARD_LIST as the ids of this machine\'s shards, with DISCORD_SHARDS as the total across machines', () => {
    expect(loadConfig({ DISCORD_SHARDS: '4', DISCORD_SHARD_LIST: '0,1' })).toMatchObject({ DISCORD_SHARDS: '4', DISCORD_SHARD_LIST: [0, 1] });
    expect(loadConfig({ DISCORD_SHARDS: '4', DISCORD_SHARD_LIST: ' 3 , 2 ' }).DISCORD_SHARD_LIST).toEqual([3, 2]);
    expect(loadConfig({ DISCORD_SHARDS: '4' }).DISCORD_SHARD_LIST).toBeUndefined();
    for (const list of ['0;1', 'one', '0,,1', '-1', '1.5', '0,']) {
      expect(() => loadConfig({ DISCORD_SHARDS: '4', DISCORD_SHARD_LIST: list }), list).toThrow(/DISCORD_SHARD_LIST expects the ids of the shards this machine runs, separated by commas, e\.g\. 0,1/);
    }
  });

  it('refuses a DISCORD_SHARD_LIST that does not fit DISCORD_SHARDS, naming both', () => {
    expect(() => loadConfig({ DISCORD_SHARD_LIST: '0' })).toThrow(/DISCORD_SHARD_LIST needs DISCORD_SHARDS set to the total number of shards across all machines/);
    expect(() => loadConfig({ DISCORD_SHARDS: 'auto', DISCORD_SHARD_LIST: '0' })).toThrow(/not "auto", which each machine would ask Discord for and could get a different answer/);
    expect(() => loadConfig({ DISCORD_SHARDS: '4', DISCORD_SHARD_LIST: '2,4' })).toThrow(/DISCORD_SHARD_LIST names shard 4, but with DISCORD_SHARDS=4 the shard ids run from 0 to 3\. Fix it in \.env/);
    expect(() => loadConfig({ DISCORD_SHARDS: '4', DISCORD_SHARD_LIST: '1,2,1' })).toThrow(/DISCORD_SHARD_LIST names shard 1 twice/);
    expect(() => loadConfig({ DISCORD_SHARDS: '4', DISCORD_SHARD_LIST: '1,2,1' })).toThrow(ConfigError);
  });

  it('takes a Discord announcement channel as a numeric id only', () => {
    expect(loadConfig({ DISCORD_ANNOUNCE_CHANNEL: '123456789012345678' }).DISCORD_ANNOUNCE_CHANNEL).toBe('123456789012345678');
    for (const channel of ['#general', 'general', '-123456789012345678', '<#123456789012345678>']) {
      expect(() => loadConfig({ DISCORD_ANNOUNCE_CHANNEL: channel }), channel).toThrow(/DISCORD_ANNOUNCE_CHANNEL expects a numeric channel id/);
    }
  });
});
