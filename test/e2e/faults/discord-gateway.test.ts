// Discord dropping the gateway connection: discord.js reconnects to the resume address READY gave it
// and resumes the session (no new IDENTIFY), the adapter logs both steps, and /ask still works.
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN } from '../discord/fake-discord.js';
import { askOptions, PINO_ERROR, startHarness, type Harness } from '../discord/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !check(); await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
  }
}

describe('a dropped Discord gateway connection', () => {
  it.each([
    ['closed with 4000 (unknown error)', 4000],
    ['cut without a close frame', undefined],
  ])('is resumed when %s, and /ask is answered afterwards', async (_, code) => {
    h = await startHarness();
    const { fake, logs } = h;
    fake.dropGateway(code);

    await eventually(() => logs.some((l) => l.msg === 'Discord gateway session resumed'), 'the session resumed');
    expect(fake.resumes).toEqual([{ token: TOKEN, session_id: 'fake-session', seq: expect.any(Number) }]);
    expect(fake.resumes[0].seq).toBeGreaterThan(0);
    expect(fake.identifies).toHaveLength(1);
    expect(logs.map((l) => l.msg)).toContain('Discord gateway connection lost; reconnecting');

    const reply = await fake.callbackFor(fake.slash(fake.newMember(), 'ask', askOptions('How long did the third round last?')));
    expect(reply.data.embeds[0].description).toContain('40 minutes');
    expect(logs.filter((l) => l.level >= PINO_ERROR)).toEqual([]);
  });

  it('logs an error naming DISCORD_TOKEN when Discord closes the gateway for good (4004: authentication failed)', async () => {
    h = await startHarness();
    h.fake.dropGateway(4004);
    const logs = h.logs;
    await eventually(() => logs.some((l) => l.level >= PINO_ERROR && l.msg.includes('check DISCORD_TOKEN')), 'the error line');
    expect(logs.find((l) => l.msg.includes('closed the gateway for good'))).toMatchObject({ level: PINO_ERROR, code: 4004 });
    expect(h.fake.resumes).toEqual([]);
  });
});
