/**
 * `npm run call` as a newcomer runs it right after `npm start`: the command (tools/call.ts, its own
 * process) against a running gateway on the embedded SQLite, through GraphQL `simulateCall`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Application, Caller } from '@dutyline/application';
import { APPLICATION } from '../application/application.module';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';

jest.setTimeout(30_000);

const root = path.resolve(__dirname, '../../../..');

/** Runs the command of `npm run call -- <args>` with only the given environment. */
function runCall(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['-r', path.join(root, 'tools/ts-run.cjs'), path.join(root, 'tools/call.ts'), ...args],
      {
        cwd: root,
        env: { PATH: process.env.PATH, ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run call against a running gateway (embedded SQLite)', () => {
  let gateway: GatewayHarness;
  let apiKey: string;
  let hotlineNumber: string;

  beforeAll(async () => {
    gateway = await startGateway({ database: 'sqlite' });
    const account = await gateway.newAccount();
    apiKey = account.apiKey;
    const caller: Caller = { accountId: account.accountId, actor: { kind: 'user', id: account.users.admin.id } };
    const app = gateway.app.get<Application>(APPLICATION);
    const alice = await app.directory.createPerson(caller, {
      name: 'Alice',
      contactNumbers: [{ number: '+33611111111', label: 'mobile', ringTimeoutSeconds: 20 }],
    });
    const bob = await app.directory.createPerson(caller, {
      name: 'Bob',
      contactNumbers: [{ number: '+33622222222', label: 'mobile', ringTimeoutSeconds: 25 }],
    });
    const created = await app.hotlines.createHotline(caller, {
      name: 'Boiler room',
      number: '+33140000077',
      timeZone: 'Europe/Paris',
    });
    if (!created.ok) throw new Error(created.error.message);
    hotlineNumber = created.value.number.e164;
    const slots = await app.schedule.createSlots(caller, created.value.id, {
      slots: [
        {
          start: '2027-03-27T20:00',
          end: '2027-03-28T09:00',
          assignees: [
            { kind: 'person', id: alice.id },
            { kind: 'person', id: bob.id },
          ],
        },
      ],
    });
    if (!slots.ok) throw new Error(slots.error.message);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('prints each step, then the outcome', async () => {
    const { code, stdout, stderr } = await runCall(
      ['--to', hotlineNumber, '--from', '+33698765432', '--outcomes', 'busy,answer', '--at', '2027-03-28T01:30:00Z'],
      { DUTYLINE_URL: `${gateway.url}/graphql`, DUTYLINE_API_KEY: apiKey },
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/Step 1: ring Alice \(mobile, level 1\) at \+33611111111 for 20 s/);
    expect(stdout).toMatch(/Step 2: ring Bob \(mobile, level 2\) at \+33622222222 for 25 s/);
    expect(stdout).toMatch(/Outcome: answered by Bob/);
  }, 60_000);

  it('names the argument the gateway refused, and tells how to get a key', async () => {
    const refused = await runCall(['--to', hotlineNumber, '--outcomes', 'busy,sing'], {
      DUTYLINE_URL: `${gateway.url}/graphql`,
      DUTYLINE_API_KEY: apiKey,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('(outcomes[1])');
    const keyless = await runCall(['--to', hotlineNumber], { DUTYLINE_URL: `${gateway.url}/graphql` });
    expect(keyless).toMatchObject({ code: 2, stderr: expect.stringContaining('DUTYLINE_API_KEY') });
  }, 60_000);
});
