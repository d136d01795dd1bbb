/**
 * Callbacks end to end over HTTP with Vonage's payloads, signed as Vonage signs them: the caller
 * presses 2 and leaves a number (refused ones get a spoken reason and a second chance), the request
 * appears over GraphQL; then, with the worker as its own process on BullMQ (real Redis, fresh prefix)
 * and the fake Vonage API, the person on duty is dialled, accepts, the caller does not answer, the
 * attempt is counted and the next attempt waits in Redis for the minimum delay.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Ncco } from '@dutyline/vonage';
import {
  FakeVonageApi,
  answerPayload,
  callEventPayload,
  inputEventPayload,
  testApplicationKeys,
} from '@dutyline/vonage/testing';
import { describeWithMariaDb, describeWithRedis, mariadbUrl, redisUrl, uniqueName } from '@dutyline/test-support';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../database/database.module';
import { type GatewayHarness, type TestAccount, startGateway } from '../testing/gateway-harness';
import { dataOf, freshHotlineNumber } from '../testing/feature-fixtures';
import { inputUrlOf, nccoAction, signedVonageLine } from '../testing/signed-vonage-line';
import type { VonageSettings } from '../vonage/vonage-settings';
import { VONAGE_SETTINGS } from '../vonage/vonage.tokens';

jest.setTimeout(60_000);

const SECRET = 'vonage-signature-secret-for-callback-tests-0123';
const PUBLIC_URL = 'https://dutyline.example.com';
const ROOT = path.resolve(__dirname, '../../../..');
const SETTINGS: VonageSettings = {
  publicUrl: PUBLIC_URL,
  signatures: { verify: true, secret: SECRET, apiKey: null },
  ringbackToneUrl: null,
};

const ALICE = '+33612345601';
const CALLER = '+33698765432';

const vonageLine = (gateway: GatewayHarness) => signedVonageLine(gateway, { secret: SECRET, publicUrl: PUBLIC_URL });
const action = nccoAction;
const spoken = (ncco: Ncco | null) => (ncco ?? []).flatMap((a) => (a.action === 'talk' ? [a.text] : []));
const inputUrl = inputUrlOf;

/** A tenant with Alice (a mobile) supervising a Paris hotline, through GraphQL; its callback settings and intake. */
async function hotlineFor(
  gateway: GatewayHarness,
  account: TestAccount,
  options: { mode: 'AUTOMATIC' | 'MANUAL'; offerAt: 'GREETING' | 'BEFORE_VOICEMAIL' },
) {
  const as = (query: string, variables: Record<string, unknown>) =>
    dataOf(gateway.graphql(query, variables, { token: account.tokens.supervisor }));
  const alice = (
    await as('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', {
      input: { name: 'Alice', contactNumbers: [{ number: ALICE, label: 'mobile', ringTimeoutSeconds: 20 }] },
    })
  ).createPerson.id;
  const number = freshHotlineNumber();
  const hotline = (
    await as('mutation($input: CreateHotlineInput!) { createHotline(input: $input) { id } }', {
      input: { name: 'Maintenance', number, timeZone: 'Europe/Paris', supervisorIds: [alice] },
    })
  ).createHotline.id;
  const service = { kind: 'HOTLINE', id: hotline };
  await as('mutation($input: UpdateCallbackSettingsInput!) { updateCallbackSettings(input: $input) { mode } }', {
    input: { service, mode: options.mode, minHoursBetweenAttempts: 0.25, maxAttempts: 3 },
  });
  await as('mutation($input: UpdateCallbackIntakeInput!) { updateCallbackIntake(input: $input) { offerAt } }', {
    input: { service, offerAt: options.offerAt },
  });
  const requests = async () =>
    (
      await as(
        `query { callbackRequests(first: 50) { edges { node {
    id number source status mode remainingAttempts nextAttemptAt attempts { outcome counted } comments { text } } } } }`,
        {},
      )
    ).callbackRequests.edges.map((e: { node: unknown }) => e.node);
  return { hotline, number: number.slice(1), requests };
}

function captureOver(database: 'sqlite' | 'mariadb') {
  let gateway: GatewayHarness;
  let account: TestAccount;
  beforeAll(async () => {
    gateway = await startGateway({
      database,
      override: (builder) => builder.overrideProvider(VONAGE_SETTINGS).useValue(SETTINGS),
    });
    account = await gateway.newAccount();
  }, 60_000);
  afterAll(() => gateway?.close());

  it('the caller presses 2 after the greeting, keys a number (a premium-rate one is refused with a second chance), confirms it, and the request appears', async () => {
    const { number, requests } = await hotlineFor(gateway, account, { mode: 'MANUAL', offerAt: 'GREETING' });
    const line = vonageLine(gateway);
    const call = { to: number, from: CALLER.slice(1), uuid: uniqueName('leg') };
    const answered = await line.answer(answerPayload(call));
    expect(spoken(answered.ncco)).toEqual(['To be called back instead of waiting, press 2.']);
    expect(action(answered.ncco, 'input')).toMatchObject({
      type: ['dtmf'],
      dtmf: { maxDigits: 1, timeOut: 5 },
      eventMethod: 'POST',
    });
    expect(inputUrl(answered.ncco)).toMatch(
      /^https:\/\/dutyline\.example\.com\/vonage\/callbacks\/calls\/[^/]+\/keys\?stage=/,
    );

    const menu = await line.post(inputUrl(answered.ncco), inputEventPayload('2', call));
    expect(spoken(menu.ncco)).toEqual([
      'We can call you back on plus 3 3 6 9 8 7 6 5 4 3 2. Press 1 to confirm, or 2 to enter another number.',
    ]);
    const enter = await line.post(inputUrl(menu.ncco), inputEventPayload('2', call));
    expect(action(enter.ncco, 'input')).toMatchObject({ dtmf: { maxDigits: 20, timeOut: 10, submitOnHash: true } });
    const premium = await line.post(inputUrl(enter.ncco), inputEventPayload('0899123456#', call));
    expect(spoken(premium.ncco)).toEqual([
      'Premium-rate numbers cannot be called back. Please enter another number, followed by the hash key.',
    ]);
    const readBack = await line.post(inputUrl(premium.ncco), inputEventPayload('0611223344#', call));
    expect(spoken(readBack.ncco)).toEqual([
      'You entered 0 6 1 1 2 2 3 3 4 4. Press 1 to confirm, or 2 to enter it again.',
    ]);
    const thanks = await line.post(inputUrl(readBack.ncco), inputEventPayload('1', call));
    expect(thanks).toMatchObject({
      status: 200,
      ncco: [{ action: 'talk', text: 'Thank you. We will call you back on 0 6 1 1 2 2 3 3 4 4. Goodbye.' }],
    });

    expect(await requests()).toEqual([
      expect.objectContaining({
        number: '+33611223344',
        source: 'KEYED',
        status: 'OPEN',
        mode: 'MANUAL',
        remainingAttempts: 3,
      }),
    ]);
  });

  it.each([
    ['an invalid number', '0612', 'That is not a valid phone number.'],
    ['a number abroad (toll fraud)', '00442079460958', 'We cannot call back numbers in that country.'],
  ])('refuses %s twice with a spoken reason, then the call goes on to the person on duty', async (_, keyed, reason) => {
    const { number, requests } = await hotlineFor(gateway, await gateway.newAccount(), {
      mode: 'MANUAL',
      offerAt: 'GREETING',
    });
    const line = vonageLine(gateway);
    const call = { to: number, from: 'Restricted', uuid: uniqueName('leg') };
    const answered = await line.answer(answerPayload(call));
    const enter = await line.post(inputUrl(answered.ncco), inputEventPayload('2', call));
    expect(spoken(enter.ncco)).toEqual([
      'Your number is withheld. Please enter the number to call you back on, followed by the hash key.',
    ]);
    const again = await line.post(inputUrl(enter.ncco), inputEventPayload(keyed, call));
    expect(spoken(again.ncco)).toEqual([`${reason} Please enter another number, followed by the hash key.`]);
    const resumed = await line.post(inputUrl(again.ncco), inputEventPayload(keyed, call));
    expect(spoken(resumed.ncco)).toEqual([`${reason} Sorry, we could not take your number.`]);
    expect(action(resumed.ncco, 'connect')?.endpoint[0]).toMatchObject({ type: 'phone', number: ALICE.slice(1) });
    expect(await requests()).toEqual([]);
  });

  it('offers before voicemail once nobody answered, and goes on to the voicemail when the caller presses nothing', async () => {
    const { number, requests } = await hotlineFor(gateway, await gateway.newAccount(), {
      mode: 'MANUAL',
      offerAt: 'BEFORE_VOICEMAIL',
    });
    const line = vonageLine(gateway);
    const call = { to: number, from: CALLER.slice(1), uuid: uniqueName('leg') };
    const answered = await line.answer(answerPayload(call));
    const connect = action(answered.ncco, 'connect');
    expect(connect?.endpoint[0]).toMatchObject({ number: ALICE.slice(1) });
    const offered = await line.post(connect?.eventUrl?.[0] ?? '', callEventPayload('timeout', { to: ALICE.slice(1) }));
    expect(spoken(offered.ncco)).toEqual([
      'Nobody could take your call. To be called back, press 2. Otherwise, stay on the line.',
    ]);
    const voicemail = await line.post(inputUrl(offered.ncco), inputEventPayload('', call));
    expect(action(voicemail.ncco, 'record')).toMatchObject({ beepStart: true });
    expect(await requests()).toEqual([]);
  });
}

describe('callback capture over Vonage webhooks on SQLite', () => captureOver('sqlite'));
describeWithMariaDb('callback capture over Vonage webhooks on MariaDB', () => captureOver('mariadb'));

/** The worker as `npm start -w @dutyline/worker` runs it, until it logs that it takes jobs. */
async function startWorkerProcess(
  env: Record<string, string>,
): Promise<{ process: ChildProcess; logs: string[]; stop(): Promise<void> }> {
  const logs: string[] = [];
  const child = spawn(
    process.execPath,
    ['-r', path.join(ROOT, 'tools/ts-run.cjs'), path.join(ROOT, 'apps/worker/src/main.ts')],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', WORKER_METRICS_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => logs.push(...chunk.toString().split('\n').filter(Boolean)));
  child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  await until(
    () => logs.some((l) => l.includes('"taking jobs"')) || child.exitCode !== null,
    45_000,
    'the worker to take jobs',
  );
  if (child.exitCode !== null) throw new Error(`the worker exited: ${logs.join('\n')}`);
  return {
    process: child,
    logs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function until(done: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeWithRedis('automatic callback through the worker (BullMQ on Redis, MariaDB, the fake Vonage API)', () => {
  describeWithMariaDb('', () => {
    const prefix = uniqueName('cbtest');
    const accounts: string[] = [];
    let api: FakeVonageApi;
    let gateway: GatewayHarness;
    let worker: Awaited<ReturnType<typeof startWorkerProcess>> | undefined;
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'callback-worker-'));

    beforeAll(async () => {
      api = await FakeVonageApi.start({ publicKey: testApplicationKeys().publicKey });
      gateway = await startGateway({
        database: 'mariadb',
        env: { REDIS_URL: redisUrl(), REDIS_PREFIX: prefix },
        override: (builder) => builder.overrideProvider(VONAGE_SETTINGS).useValue(SETTINGS),
      });
      worker = await startWorkerProcess({
        REDIS_URL: redisUrl(),
        QUEUE_PREFIX: prefix,
        DATABASE_URL: mariadbUrl(),
        DATA_DIR: folder,
        OUTBOX_DIR: path.join(folder, 'outbox'),
        VONAGE_APPLICATION_ID: 'app-under-test',
        VONAGE_PRIVATE_KEY: testApplicationKeys().privateKey,
        VONAGE_API_HOST: api.url,
        PUBLIC_URL,
        LOG_LEVEL: 'info',
        GAP_CHECK_INTERVAL_MINUTES: '1440',
      });
    }, 90_000);

    afterAll(async () => {
      await worker?.stop();
      // Open automatic requests would be dialled by the reconcile pass of later runs sharing the database.
      for (const accountId of accounts)
        await gateway?.app
          .get<DataSource>(DATA_SOURCE)
          .query('DELETE FROM callback_requests WHERE account_id = ?', [accountId]);
      await gateway?.close();
      await api?.close();
      const queue = new Queue('callback.attempt', { connection: { url: redisUrl() } as never, prefix });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    it('dials the person on duty, who presses 1; the caller does not answer; the attempt is counted and the next job waits in Redis for the minimum delay', async () => {
      const account = await gateway.newAccount();
      accounts.push(account.accountId);
      const { number, requests } = await hotlineFor(gateway, account, { mode: 'AUTOMATIC', offerAt: 'GREETING' });
      const line = vonageLine(gateway);
      const call = { to: number, from: CALLER.slice(1), uuid: uniqueName('leg') };

      // The caller presses 2, then 1 to be called back on the number they call from.
      const answered = await line.answer(answerPayload(call));
      const menu = await line.post(inputUrl(answered.ncco), inputEventPayload('2', call));
      const thanks = await line.post(inputUrl(menu.ncco), inputEventPayload('1', call));
      expect(spoken(thanks.ncco)).toEqual(['Thank you. We will call you back on plus 3 3 6 9 8 7 6 5 4 3 2. Goodbye.']);
      const [request] = await requests();
      expect(request).toMatchObject({ number: CALLER, source: 'CALLER_ID', mode: 'AUTOMATIC', remainingAttempts: 3 });

      // The worker takes the job from Redis and dials Alice (on duty as supervisor) through Vonage.
      // (Requests other runs left in the shared database may be dialled too: ours is the one from this hotline.)
      const ours = () =>
        api
          .requestsTo('create-call')
          .filter((r) => (r.json?.['from'] as { number?: string } | undefined)?.number === number);
      await until(() => ours().length > 0, 30_000, 'the worker to dial');
      const [dial] = ours();
      expect(dial.json).toMatchObject({
        to: [{ type: 'phone', number: ALICE.slice(1) }],
        from: { type: 'phone', number },
      });
      const ncco = dial.json?.['ncco'] as Ncco;
      expect(spoken(ncco)[0]).toBe(
        'Callback request for Maintenance: plus 3 3 6 9 8 7 6 5 4 3 2. Press 1 to call them now.',
      );
      const confirmationUrl = inputUrl(ncco);
      expect(confirmationUrl).toMatch(/^https:\/\/dutyline\.example\.com\/vonage\/outbound\/confirmation\?call=.+_0$/);
      expect((dial.json?.['event_url'] as string[])[0]).toMatch(/\/vonage\/outbound\/event\?call=.+_0$/);

      // Alice presses 1: the caller is rung.
      const agentLeg = { uuid: 'aaaaaaaa-1111-4000-8000-000000000001', to: ALICE.slice(1), from: number };
      expect(
        (await line.post((dial.json?.['event_url'] as string[])[0], callEventPayload('answered', agentLeg))).status,
      ).toBe(204);
      const bridge = await line.post(confirmationUrl, inputEventPayload('1', agentLeg));
      const toCaller = action(bridge.ncco, 'connect');
      expect(toCaller).toMatchObject({
        endpoint: [{ type: 'phone', number: CALLER.slice(1) }],
        from: number,
        timeout: 30,
        eventType: 'synchronous',
      });

      // The caller does not answer: Alice is told, the attempt is counted.
      const notReached = await line.post(
        toCaller?.eventUrl?.[0] ?? '',
        callEventPayload('timeout', { to: CALLER.slice(1), uuid: 'bbbbbbbb-1111-4000-8000-000000000002' }),
      );
      expect(spoken(notReached.ncco)).toEqual(['The caller did not answer. The attempt has been recorded. Goodbye.']);
      const [after] = await requests();
      expect(after).toMatchObject({
        status: 'OPEN',
        remainingAttempts: 2,
        attempts: [{ outcome: 'NO_ANSWER', counted: true }],
      });

      // The next attempt is a delayed job in Redis, due after the minimum delay (a quarter hour).
      const nextAt = Date.parse(after.nextAttemptAt);
      const queue = new Queue('callback.attempt', { connection: { url: redisUrl() } as never, prefix });
      try {
        const job = await queue.getJob(
          `callback-${after.id}-${nextAt}`.replace(/[%:]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
        );
        expect(job).toBeDefined();
        expect(await job!.getState()).toBe('delayed');
        expect(job!.timestamp + job!.delay).toBeGreaterThanOrEqual(nextAt - 1000);
        expect(job!.delay).toBeGreaterThan(15 * 60_000 - 60_000);
        expect(job!.data).toEqual({ accountId: account.accountId, requestId: after.id, dueAt: nextAt });
      } finally {
        await queue.close();
      }
      expect(worker!.logs.some((l) => l.includes('"callback.attempt done"') && l.includes('"dialling"'))).toBe(true);
    });
  });
});
