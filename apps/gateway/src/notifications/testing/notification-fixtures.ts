import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { InboundCalls } from '@dutyline/application';
import type { Clock } from '@dutyline/domain';
import { CallSimulator } from '@dutyline/simulator';
import { INBOUND_CALLS } from '../../calls/calls.tokens';
import { redisUrl } from '@dutyline/test-support';
import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { GQL, dataOf, freshHotlineNumber } from '../../testing/feature-fixtures';
import type { GatewayHarness, TestAccount } from '../../testing/gateway-harness';

/** What the notification e2e tests share: a hotline set up over GraphQL, calls through the simulator, the worker as a process. */

const ROOT = path.resolve(__dirname, '../../../../..');
export const CALLER = '+33698765432';
export const MAIL_FROM = 'alerts@dutyline.test';
export const systemClock: Clock = { now: () => Date.now() };

/** Alice (e-mail, mobile) supervising a Paris hotline with no schedule: nobody on duty, so a call rings Alice, then the voicemail. */
export async function maintenanceHotline(gateway: GatewayHarness, account: TestAccount) {
  const token = account.tokens.admin;
  const alice = await dataOf(
    gateway.graphql(
      GQL.CREATE_PERSON,
      {
        input: {
          name: 'Alice Martin',
          email: 'alice@example.org',
          contactNumbers: [{ number: '+33612345678', label: 'mobile' }],
        },
      },
      { token },
    ),
  );
  const number = freshHotlineNumber();
  const input = { name: 'Maintenance', number, timeZone: 'Europe/Paris', supervisorIds: [alice.createPerson.id] };
  const hotlineId = (await dataOf(gateway.graphql(GQL.CREATE_HOTLINE, { input }, { token }))).createHotline
    .id as string;
  return { number, hotlineId };
}

/** A caller leaves a voicemail after Alice does not answer; resolves with the call's id and the caller. */
export async function leaveVoicemail(
  gateway: GatewayHarness,
  call: { readonly clock: Clock; readonly number: string; readonly from?: string },
) {
  const { clock, number, from = CALLER } = call;
  const result = await new CallSimulator(gateway.app.get<InboundCalls>(INBOUND_CALLS), clock).run({
    to: number,
    from,
    outcomes: ['no-answer', 'record'],
  });
  expect(result.outcome).toMatch(/^voicemail recorded \(sim-rec-/);
  return { callId: result.callId!, from };
}

export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; ;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** `npm start -w @dutyline/worker` as operators run it; resolves once it takes jobs. */
export async function startWorkerProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; lines: string[]; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['-r', path.join(ROOT, 'tools/ts-run.cjs'), path.join(ROOT, 'apps/worker/src/main.ts')],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', WORKER_METRICS_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the worker did not start:\n${lines.join('\n')}`)), 60_000);
    const read = (chunk: Buffer) => {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line !== ''),
      );
      if (lines.some((line) => line.includes('"taking jobs"'))) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(() => reject(new Error(`the worker exited:\n${lines.join('\n')}`)));
  })
    .catch((error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    })
    .finally(() => clearTimeout(timer));
  return {
    child,
    lines,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A MariaDB database of the test file's own (the worker's reconcile pass checks every hotline of its database). */
export async function createDatabase(serverUrl: string, database: string): Promise<void> {
  const admin = await createConnection(serverUrl);
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4`);
  await admin.end();
}

/** Deletes the Redis keys under `prefix` and drops the test's database. */
export async function dropTestStores(serverUrl: string, database: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl());
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  const admin = await createConnection(serverUrl);
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.end();
}
