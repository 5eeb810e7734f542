import { TelegramError } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SendQueue, type FloodLimits } from '../../adapters/telegram/send-queue.js';
import { TELEGRAM } from '../../src/index.js';

const START = 1_000_000;

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A call that records when (in ms since the test began) it ran, under a label. */
function recorder() {
  const sent: { label: string; at: number }[] = [];
  const call = (label: string) => () => {
    sent.push({ label, at: Date.now() - START });
    return Promise.resolve(label);
  };
  return { sent, call };
}

const tooMany = (retryAfter: number) =>
  new TelegramError({ error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });

const only = (limits: Partial<FloodLimits>): FloodLimits => ({ chatIntervalMs: 0, groupPerMinute: 1000, globalPerSecond: 1000, maxRetries: 3, retryMs: 1000, ...limits });

describe('the Telegram send queue', () => {
  it('sends one chat\'s messages in order, one a second', async () => {
    const queue = new SendQueue(TELEGRAM.flood);
    const { sent, call } = recorder();
    const all = Promise.all(['a', 'b', 'c'].map((label) => queue.toChat({ id: 1, isGroup: false }, call(label))));
    await vi.advanceTimersByTimeAsync(5000);
    expect(await all).toEqual(['a', 'b', 'c']);
    expect(sent).toEqual([
      { label: 'a', at: 0 },
      { label: 'b', at: 1000 },
      { label: 'c', at: 2000 },
    ]);
  });

  it('lets another chat send while one chat waits its turn', async () => {
    const queue = new SendQueue(TELEGRAM.flood);
    const { sent, call } = recorder();
    void queue.toChat({ id: 1, isGroup: false }, call('noisy 1'));
    void queue.toChat({ id: 1, isGroup: false }, call('noisy 2'));
    void queue.toChat({ id: 2, isGroup: false }, call('quiet'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent.find((s) => s.label === 'quiet')?.at).toBe(0);
    expect(sent.find((s) => s.label === 'noisy 2')?.at).toBe(1000);
  });

  it('holds a group to 20 messages a minute', async () => {
    const queue = new SendQueue(only({ groupPerMinute: 20 }));
    const { sent, call } = recorder();
    for (let i = 0; i < 21; i += 1) void queue.toChat({ id: -100, isGroup: true }, call(`m${i}`));
    await vi.advanceTimersByTimeAsync(61_000);
    expect(sent.slice(0, 20).every((s) => s.at === 0)).toBe(true);
    expect(sent[20]?.at).toBe(60_000);
  });

  it('holds all chats together to 30 messages a second', async () => {
    const queue = new SendQueue(only({ globalPerSecond: 30 }));
    const { sent, call } = recorder();
    for (let chat = 0; chat < 31; chat += 1) void queue.toChat({ id: chat, isGroup: false }, call(`chat ${chat}`));
    void queue.other(call('inline answer'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent.filter((s) => s.at === 0)).toHaveLength(30);
    expect(sent.slice(30).map((s) => s.at)).toEqual([1000, 1000]);
  });

  it('waits out a 429 for its retry_after and tries again, while other chats go on', async () => {
    const queue = new SendQueue(TELEGRAM.flood);
    const { sent, call } = recorder();
    const failOnce = vi.fn().mockRejectedValueOnce(tooMany(3)).mockImplementation(call('retried'));
    const delivered = queue.toChat({ id: 1, isGroup: false }, failOnce);
    void queue.toChat({ id: 2, isGroup: false }, call('other chat'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(await delivered).toBe('retried');
    expect(sent).toEqual([
      { label: 'other chat', at: 0 },
      { label: 'retried', at: 3000 },
    ]);
  });

  it('gives up after the allowed number of 429s, and the chat\'s next message still goes', async () => {
    const queue = new SendQueue(only({ maxRetries: 2 }));
    const { sent, call } = recorder();
    const alwaysBusy = vi.fn().mockRejectedValue(tooMany(1));
    const failed = queue.toChat({ id: 1, isGroup: false }, alwaysBusy);
    const outcome = failed.then(
      () => 'sent',
      (err: unknown) => err,
    );
    void queue.toChat({ id: 1, isGroup: false }, call('next'));
    await vi.advanceTimersByTimeAsync(3000);
    expect(await outcome).toBeInstanceOf(TelegramError);
    expect(alwaysBusy).toHaveBeenCalledTimes(3);
    expect(sent).toEqual([{ label: 'next', at: 2000 }]);
  });

  it('tries again after a 5xx or a dropped connection, waiting twice as long each time', async () => {
    const queue = new SendQueue(only({ retryMs: 1000 }));
    const { sent, call } = recorder();
    const serverError = new TelegramError({ error_code: 502, description: 'Bad Gateway' });
    // What telegraf's node-fetch throws when the connection is refused or reset.
    const dropped = Object.assign(new Error('request to https://api.telegram.org failed, reason: socket hang up'), { name: 'FetchError' });
    const flaky = vi.fn().mockRejectedValueOnce(serverError).mockRejectedValueOnce(dropped).mockImplementation(call('delivered'));
    const delivered = queue.toChat({ id: 1, isGroup: false }, flaky);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await delivered).toBe('delivered');
    expect(sent).toEqual([{ label: 'delivered', at: 3000 }]);
  });

  it('passes any other error on at once, without retrying', async () => {
    const queue = new SendQueue(TELEGRAM.flood);
    const refused = vi.fn().mockRejectedValue(new TelegramError({ error_code: 400, description: 'Bad Request: chat not found' }));
    await expect(queue.toChat({ id: 1, isGroup: false }, refused)).rejects.toThrow('chat not found');
    expect(refused).toHaveBeenCalledTimes(1);
  });
});
