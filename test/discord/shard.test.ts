import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shardScript } from '../../adapters/discord/shard.js';
import { ROOT } from '../helpers.js';

const urlOf = (file: string) => pathToFileURL(path.join(ROOT, file)).href;

describe('the script each Discord shard process runs', () => {
  it('is the compiled run.js beside shard.js, run by plain node, when the bot runs from dist/', () => {
    expect(shardScript(urlOf('dist/adapters/discord/shard.js'))).toEqual({
      file: path.join(ROOT, 'dist/adapters/discord/run.js'),
      execArgv: [],
    });
  });

  it('is run.ts beside shard.ts, run through tsx, when the bot runs from source', () => {
    expect(shardScript(urlOf('adapters/discord/shard.ts'))).toEqual({
      file: path.join(ROOT, 'adapters/discord/run.ts'),
      execArgv: ['--import', 'tsx'],
    });
  });
});
