/**
 * Calls while the database is away, on two real gateways whose MariaDB connections pass through a
 * fault proxy (`startFaultProxy`): the answer within 200 ms whether the database refuses or accepts
 * and stalls, every webhook within its budget, and the call log complete and exactly once after the
 * database returns, whichever gateway took which webhook; a gateway restarted meanwhile loses nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type Application,
  type Caller,
  type InboundCallService,
  type StoredCall,
  callRecordOf,
} from '@dutyline/application';
import type { CallRecord, Hotline, Person } from '@dutyline/domain';
import { deleteAccount, type SqlCallStore } from '@dutyline/persistence';
import {
  type FaultMode,
  type FaultProxy,
  describeWithMariaDb,
  mariadbOptions,
  mariadbUrl,
  startFaultProxy,
} from '@dutyline/test-support';
import type { Ncco } from '@dutyline/vonage';
import { answerPayload, callEventPayload } from '@dutyline/vonage/testing';
import type { DataSource } from 'typeorm';
import { APPLICATION } from '../application/application.module';
import { DATA_SOURCE } from '../database/database.module';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';
import type { VonageSettings } from '../vonage/vonage-settings';
import { VONAGE_SETTINGS } from '../vonage/vonage.tokens';
import { readCallRoutingSettings } from './call-routing-settings';
import { CALL_ROUTING_SETTINGS, CALL_STORE, INBOUND_CALLS } from './calls.tokens';

jest.setTimeout(60_000);

const PUBLIC_URL = 'https://dutyline.example.com';
const run = String(Date.now() % 100_000).padStart(5, '0');
const num = (prefix: string, n: number) => `+33${prefix}${run}${String(n).padStart(2, '0')}`;
const N = {
  hotline: num('16', 1),
  caller: num('69', 7),
  aliceMobile: num('61', 7),
  aliceHome: num('14', 77),
  bobMobile: num('62', 7),
  emergency: num('60', 7),
};
const digits = (e164: string) => e164.slice(1);

/** Short timeouts, budgets and intervals, so the outage and the return take seconds. */
const DATABASE_ENV = { DATABASE_CONNECT_TIMEOUT_MS: '300', DATABASE_QUERY_TIMEOUT_MS: '1500' };
// A store budget well under the 200 ms promise, so the bound holds on a CI machine busy with other suites.
const CALL_ENV = {
  CALL_STORE_BUDGET_MS: '80',
  CALL_ANSWER_BUDGET_MS: '800',
  CALL_STORE_RETRY_MS: '1000',
  CALL_WRITE_BACK_INTERVAL_MS: '200',
  CALL_EMERGENCY_NUMBERS: N.emergency,
};

/** A gateway on MariaDB through `proxy`, webhooks unsigned (signatures are not what is tested here). */
function gatewayThrough(proxy: FaultProxy, env: Record<string, string> = {}): Promise<GatewayHarness> {
  const url = new URL(mariadbUrl());
  url.host = proxy.address;
  const settings: VonageSettings = {
    publicUrl: PUBLIC_URL,
    signatures: { verify: false, because: 'tests' },
    ringbackToneUrl: null,
  };
  return startGateway({
    database: 'mariadb',
    env: { ...DATABASE_ENV, DATABASE_URL: url.toString(), ...env },
    override: (builder) =>
      builder
        .overrideProvider(VONAGE_SETTINGS)
        .useValue(settings)
        .overrideProvider(CALL_ROUTING_SETTINGS)
        .useValue(readCallRoutingSettings(CALL_ENV)),
  });
}

interface Reply {
  readonly status: number;
  readonly ncco: Ncco | null;
  readonly ms: number;
}

/** What Vonage sends a gateway, timed. */
async function send(
  gateway: GatewayHarness,
  { method, target, fields }: { method: 'GET' | 'POST'; target: string; fields: Record<string, unknown> },
): Promise<Reply> {
  const pathname = target.startsWith('http') ? new URL(target).pathname : target;
  const query = method === 'GET' ? `?${new URLSearchParams(fields as Record<string, string>)}` : '';
  const started = performance.now();
  const response = await fetch(`${gateway.url}${pathname}${query}`, {
    method,
    headers: method === 'POST' ? { 'content-type': 'application/json' } : {},
    body: method === 'POST' ? JSON.stringify(fields) : undefined,
  });
  const text = await response.text();
  return {
    status: response.status,
    ncco: text === '' ? null : (JSON.parse(text) as Ncco),
    ms: performance.now() - started,
  };
}

/** The number an NCCO dials and the event URL of that leg. */
function dialled(ncco: Ncco | null): { to: string; eventUrl: string } {
  const connect = ncco?.find((action) => action.action === 'connect');
  if (connect?.action !== 'connect' || connect.endpoint[0].type !== 'phone')
    throw new Error(`no phone connect in ${JSON.stringify(ncco)}`);
  return { to: `+${connect.endpoint[0].number}`, eventUrl: connect.eventUrl?.[0] ?? '' };
}

const now = () => new Date().toISOString();

async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

describeWithMariaDb('calls while the database is away (two gateways, a fault proxy in front of MariaDB)', () => {
  let proxy: FaultProxy;
  let a: GatewayHarness;
  let b: GatewayHarness;
  let accountId: string;
  let hotline: Hotline;
  let callCount = 0;

  beforeAll(async () => {
    const { host, port } = mariadbOptions();
    proxy = await startFaultProxy({ host, port });
    a = await gatewayThrough(proxy);
    b = await gatewayThrough(proxy);
    const account = await a.newAccount();
    accountId = account.accountId;
    const caller: Caller = { accountId, actor: { kind: 'user', id: account.users.admin.id } };
    const app = a.app.get<Application>(APPLICATION);
    const alice: Person = await app.directory.createPerson(caller, {
      name: 'Alice',
      contactNumbers: [
        { number: N.aliceMobile, label: 'mobile', ringTimeoutSeconds: 20 },
        { number: N.aliceHome, label: 'home', ringTimeoutSeconds: 30 },
      ],
    });
    const created = await app.hotlines.createHotline(caller, {
      name: 'Outage line',
      number: N.hotline,
      timeZone: 'UTC',
    });
    if (!created.ok) throw new Error('hotline not created');
    hotline = created.value;
    const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);
    const slots = await app.schedule.createSlots(caller, hotline.id, {
      slots: [
        {
          start: local(Date.now() - 3_600_000),
          end: local(Date.now() + 3 * 3_600_000),
          assignees: [{ kind: 'person', id: alice.id }],
        },
      ],
    });
    if (!slots.ok) throw new Error('slot not created');
  });

  afterEach(() => proxy.setMode('pass'));

  afterAll(async () => {
    await proxy?.setMode('pass');
    if (a && accountId) await deleteAccount(a.app.get<DataSource>(DATA_SOURCE), accountId);
    await a?.close();
    await b?.close();
    await proxy?.close();
  });

  const answerOn = (gateway: GatewayHarness, callerLeg: string) =>
    send(gateway, {
      method: 'GET',
      target: '/vonage/answer',
      fields: answerPayload({
        to: digits(N.hotline),
        from: digits(N.caller),
        uuid: callerLeg,
        conversation_uuid: `CON-${callerLeg}`,
      }),
    });
  const legBusy = (gateway: GatewayHarness, eventUrl: string, leg: string) =>
    send(gateway, {
      method: 'POST',
      target: eventUrl,
      fields: callEventPayload('busy', {
        uuid: leg,
        to: digits(N.aliceMobile),
        from: digits(N.hotline),
        timestamp: now(),
      }),
    });
  const callerHungUp = (gateway: GatewayHarness, callerLeg: string, duration: number) =>
    send(gateway, {
      method: 'POST',
      target: '/vonage/event',
      fields: callEventPayload('completed', {
        uuid: callerLeg,
        direction: 'inbound',
        duration: String(duration),
        timestamp: now(),
      }),
    });

  const callsOfLine = async (): Promise<CallRecord[]> => {
    const store = a.app.get<SqlCallStore<StoredCall>>(CALL_STORE);
    return (await store.listCalls(accountId, { hotlineId: hotline.id }, { first: 100 })).items.map(callRecordOf);
  };
  const pending = (gateway: GatewayHarness) => gateway.app.get<InboundCallService>(INBOUND_CALLS).hasPendingWrites();

  it.each<[FaultMode]>([['blackhole'], ['refuse']])(
    'database %s: answers within 200 ms, events within budget, the call log complete once it is back',
    async (mode) => {
      // Nothing left from another case (even one that failed half-way): the database up, every write back.
      await proxy.setMode('pass');
      await eventually(async () => !pending(a) && !pending(b), 20_000);
      // Both gateways have planned the line (a call each, the database up).
      for (const gateway of [a, b]) {
        const leg = `warm-${mode}-${run}-${++callCount}`;
        expect(dialled((await answerOn(gateway, leg)).ncco).to).toBe(N.aliceMobile);
        await callerHungUp(gateway, leg, 1);
      }
      const before = (await callsOfLine()).length;

      await proxy.setMode(mode);
      const legs: string[] = [];
      const answers: number[] = [];
      const events: number[] = [];
      for (let i = 0; i < 6; i++) {
        const callerLeg = `out-${mode}-${run}-${++callCount}`;
        legs.push(callerLeg);
        // Answered by one gateway; the first leg's end on the other (i < 3) or the same one; the caller's hang-up on the other.
        const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
        const answer = await answerOn(first, callerLeg);
        expect(answer.status).toBe(200);
        expect(dialled(answer.ncco).to).toBe(N.aliceMobile);
        answers.push(answer.ms);
        const busy = await legBusy(i < 3 ? second : first, dialled(answer.ncco).eventUrl, `${callerLeg}-leg0`);
        expect(busy.status).toBe(200);
        // The gateway that answered knows the call: the next number; the other one rescues the caller.
        expect(dialled(busy.ncco).to).toBe(i < 3 ? N.emergency : N.aliceHome);
        const hungUp = await callerHungUp(second, callerLeg, 30 + i);
        expect(hungUp.status).toBe(204);
        events.push(busy.ms, hungUp.ms);
      }
      expect(Math.max(...answers)).toBeLessThan(200);
      // Within the webhook's budget (CALL_ANSWER_BUDGET_MS, 800 ms: the first read of a call the gateway never saw),
      // and the notification producer's own on the hang-up.
      expect(Math.max(...events)).toBeLessThan(800 + 500 + 200);
      expect(pending(a) && pending(b)).toBe(true);

      await proxy.setMode('pass');
      await eventually(async () => !pending(a) && !pending(b), 20_000);
      const calls = await callsOfLine();
      expect(calls).toHaveLength(before + 6);
      const written = calls.filter((call) => legs.includes(call.carrierCallId));
      expect(written.map((call) => call.carrierCallId).sort()).toEqual([...legs].sort());
      for (const call of written) {
        const i = legs.indexOf(call.carrierCallId);
        expect(call).toMatchObject({ outcome: 'abandoned', durationSeconds: 30 + i, hotlineId: hotline.id });
        expect(call.legs.map((leg) => `${leg.number} ${leg.outcome}`)).toEqual([
          `${N.aliceMobile} busy`,
          `${N.aliceHome} cancelled`,
        ]);
      }
    },
  );

  it('a gateway restarted while the database is away writes back what it journaled, nothing twice', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-journal-'));
    try {
      const first = await gatewayThrough(proxy, { DATA_DIR: dataDir });
      const leg = `restart-${run}-${++callCount}`;
      expect(dialled((await answerOn(first, `${leg}-warm`)).ncco).to).toBe(N.aliceMobile);
      await proxy.setMode('refuse');
      const answer = await answerOn(first, leg);
      expect(answer.ms).toBeLessThan(200);
      await legBusy(first, dialled(answer.ncco).eventUrl, `${leg}-leg0`);
      await first.close();
      const journal = fs.readFileSync(path.join(dataDir, 'call-journal.jsonl'), 'utf8');
      expect(journal).toContain(leg);

      await proxy.setMode('pass');
      const restarted = await gatewayThrough(proxy, { DATA_DIR: dataDir });
      try {
        await eventually(() => !pending(restarted), 10_000);
        const ended = await callerHungUp(restarted, leg, 12);
        expect(ended.status).toBe(204);
        const calls = (await callsOfLine()).filter((call) => call.carrierCallId === leg);
        expect(calls).toHaveLength(1);
        expect(calls[0]).toMatchObject({ outcome: 'abandoned', durationSeconds: 12 });
        expect(calls[0].legs.map((each) => each.outcome)).toEqual(['busy', 'cancelled']);
      } finally {
        await restarted.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
