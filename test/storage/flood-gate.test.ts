import { describe, expect, it } from 'vitest';
import { MemoryFloodGate, type FloodGate, type FloodLimitsWindows } from '../../src/flood-gate.js';
import { PostgresFloodGate } from '../../src/storage/postgres/flood-gate.js';
import { HAS_POSTGRES, openTestDatabase } from './postgres.js';

const LIMITS: FloodLimitsWindows = { chatIntervalMs: 300, groupPerMinute: 2, globalPerSecond: 4 };
let n = 0;
const chat = () => `chat-${Date.now()}-${(n += 1)}`;

/** What every flood gate promises; `make` gives two gates counting together, as replicas do. */
function floodGateContract(name: string, make: () => Promise<[FloodGate, FloodGate]>) {
  describe(`the flood gate contract: ${name}`, () => {
    it('lets one message through to a chat, then asks to wait no longer than the chat interval', async () => {
      const [a, b] = await make();
      const c = chat();
      expect(await a.tryPass(c, false)).toBe(0);
      const wait = await b.tryPass(c, false);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(LIMITS.chatIntervalMs);
      await new Promise((resolve) => setTimeout(resolve, wait + 20));
      expect(await b.tryPass(c, false)).toBe(0);
    });

    it('does not let one chat’s wait hold up another chat', async () => {
      const [a, b] = await make();
      const [one, two] = [chat(), chat()];
      await a.tryPass(one, false);
      expect(await b.tryPass(two, false)).toBe(0);
    });

    it('holds a group to its per-minute limit across both gates', async () => {
      const [a, b] = await make();
      const group = chat();
      expect(await a.tryPass(group, true)).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, LIMITS.chatIntervalMs + 20));
      expect(await b.tryPass(group, true)).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, LIMITS.chatIntervalMs + 20));
      expect(await a.tryPass(group, true)).toBeGreaterThan(LIMITS.chatIntervalMs);
    });

    it('holds all chats together to the global per-second limit', async () => {
      const [a, b] = await make();
      await new Promise((resolve) => setTimeout(resolve, 1_050)); // a fresh second for the global count
      const waits = [];
      for (let i = 0; i < LIMITS.globalPerSecond + 1; i += 1) waits.push(await (i % 2 ? a : b).tryPass(chat(), false));
      expect(waits.filter((w) => w === 0)).toHaveLength(LIMITS.globalPerSecond);
      expect(waits.at(-1)).toBeGreaterThan(0);
    });
  });
}

floodGateContract('in memory', async () => {
  const gate = new MemoryFloodGate(LIMITS);
  return [gate, gate];
});

describe.runIf(HAS_POSTGRES)('in PostgreSQL', async () => {
  const db = HAS_POSTGRES ? await openTestDatabase('flood') : undefined;
  let prefix = 0;
  floodGateContract('in PostgreSQL, shared by two replicas', async () => {
    const shared = `flood-${(prefix += 1)}`;
    return [new PostgresFloodGate(db!, LIMITS, shared), new PostgresFloodGate(db!, LIMITS, shared)];
  });
});
