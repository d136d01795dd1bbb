import { ActiveCalls, InProcessActiveCalls } from '@dutyline/application';
import { describeWithRedis, redisKeyPrefixes, redisUrl, startFaultProxy } from '@dutyline/test-support';
import { Redis } from 'ioredis';
import { RedisActiveCalls } from './redis-active-calls';

const HOUR = 3_600_000;

/** What every `ActiveCalls` does, given a fresh one and a way to let time pass `ms`. */
function activeCallsContract(name: string, make: () => { calls: ActiveCalls; later(ms: number): Promise<void> }) {
  describe(name, () => {
    it('counts the calls holding each person of an account; release frees them; a person on none is left out', async () => {
      const { calls } = make();
      const until = Date.now() + HOUR;
      await calls.hold({ accountId: 'acct-1', personId: 'alice', callId: 'call-1', until });
      await calls.hold({ accountId: 'acct-1', personId: 'alice', callId: 'call-2', until });
      await calls.hold({ accountId: 'acct-1', personId: 'bob', callId: 'call-3', until });
      await calls.hold({ accountId: 'acct-2', personId: 'carol', callId: 'call-4', until });
      expect(await calls.counts('acct-1', ['alice', 'bob', 'carol'])).toEqual(
        new Map([
          ['alice', 2],
          ['bob', 1],
        ]),
      );
      await calls.release({ accountId: 'acct-1', personId: 'alice', callId: 'call-1' });
      await calls.release({ accountId: 'acct-1', personId: 'bob', callId: 'call-3' });
      await calls.release({ accountId: 'acct-1', personId: 'bob', callId: 'call-3' });
      expect(await calls.counts('acct-1', ['alice', 'bob'])).toEqual(new Map([['alice', 1]]));
      expect(await calls.counts('acct-2', ['carol'])).toEqual(new Map([['carol', 1]]));
      expect(await calls.counts('acct-1', [])).toEqual(new Map());
    });

    it('holding again through the same call counts once', async () => {
      const { calls } = make();
      await calls.hold({ accountId: 'acct-1', personId: 'alice', callId: 'call-1', until: Date.now() + HOUR });
      await calls.hold({ accountId: 'acct-1', personId: 'alice', callId: 'call-1', until: Date.now() + 2 * HOUR });
      expect(await calls.counts('acct-1', ['alice'])).toEqual(new Map([['alice', 1]]));
    });

    it('a hold whose end is never reported lapses at its instant', async () => {
      const { calls, later } = make();
      await calls.hold({ accountId: 'acct-1', personId: 'alice', callId: 'lost', until: Date.now() + 300 });
      await calls.hold({ accountId: 'acct-1', personId: 'alice', callId: 'live', until: Date.now() + HOUR });
      expect(await calls.counts('acct-1', ['alice'])).toEqual(new Map([['alice', 2]]));
      await later(500);
      expect(await calls.counts('acct-1', ['alice'])).toEqual(new Map([['alice', 1]]));
    });
  });
}

describe('InProcessActiveCalls', () => {
  activeCallsContract('in this process', () => {
    let offset = 0;
    const calls = new InProcessActiveCalls(() => Date.now() + offset);
    return { calls, later: async (ms) => void (offset += ms) };
  });
});

describeWithRedis('RedisActiveCalls on Redis', () => {
  const opened: RedisActiveCalls[] = [];
  const prefixes = redisKeyPrefixes('ac');
  const freshPrefix = () => prefixes.fresh();
  // A loaded test machine may take more than the default 200 ms to connect and answer the first command.
  const open = (prefix: string) => {
    const made = new RedisActiveCalls({ connection: redisUrl(), prefix, commandTimeoutMs: 2000 });
    opened.push(made);
    return made;
  };
  afterEach(async () => {
    for (const made of opened.splice(0)) await made.close();
    await prefixes.cleanUp();
  });

  activeCallsContract('one instance', () => ({
    calls: open(freshPrefix()),
    later: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }));

  it('two instances sharing a prefix see each other’s holds (a person held on gateway A is busy on gateway B)', async () => {
    const prefix = freshPrefix();
    const [a, b] = [open(prefix), open(prefix)];
    await a.hold({ accountId: 'acct-1', personId: 'alice', callId: 'call-1', until: Date.now() + HOUR });
    expect(await b.counts('acct-1', ['alice'])).toEqual(new Map([['alice', 1]]));
    await b.release({ accountId: 'acct-1', personId: 'alice', callId: 'call-1' });
    expect(await a.counts('acct-1', ['alice'])).toEqual(new Map());
  });

  it('the key of a person expires with their latest hold, so nothing is left behind', async () => {
    const prefix = freshPrefix();
    const calls = open(prefix);
    const until = Date.now() + HOUR;
    await calls.hold({ accountId: 'acct-1', personId: 'alice', callId: 'call-1', until });
    const client = new Redis(redisUrl());
    try {
      const expiresAt = await client.pexpiretime(`${prefix}:active-calls:acct-1:alice`);
      expect(expiresAt).toBe(until);
    } finally {
      await client.quit();
    }
  });

  it('rejects when Redis does not answer in time (the call then skips nobody)', async () => {
    const url = new URL(redisUrl());
    const proxy = await startFaultProxy({ host: url.hostname, port: Number(url.port || 6379) });
    // A client of the test's own, connected before the fault, so only the fault can slow the commands.
    const client = new Redis(`redis://${proxy.address}`, { maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    await client.ping();
    const calls = new RedisActiveCalls({ connection: client, prefix: freshPrefix(), commandTimeoutMs: 100 });
    try {
      expect(await calls.counts('acct-1', ['alice'])).toEqual(new Map());
      await proxy.setMode('blackhole');
      const started = Date.now();
      await expect(calls.counts('acct-1', ['alice'])).rejects.toThrow('did not answer within 100 ms');
      await expect(
        calls.hold({ accountId: 'acct-1', personId: 'alice', callId: 'call-1', until: Date.now() + HOUR }),
      ).rejects.toThrow('did not answer within 100 ms');
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await proxy.setMode('pass');
      client.disconnect();
      await proxy.close();
    }
  });
});
