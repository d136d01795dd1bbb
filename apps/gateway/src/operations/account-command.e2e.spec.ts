/**
 * `npm run account` as an operator runs it: a child process on the gateway's own database (SQLite
 * file, or MariaDB with Redis announcing the changes), next to a real gateway serving GraphQL and
 * signed Vonage webhooks on that database.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { accountTablesChildrenFirst } from '@dutyline/persistence';
import { describeWithMariaDb, mariadbUrl, redisUrl, uniqueName } from '@dutyline/test-support';
import { answerPayload, signVonageWebhook } from '@dutyline/vonage/testing';
import type { DataSource } from 'typeorm';
import { API_KEY_PREFIX_LENGTH } from '../auth/api-key-secret';
import { DATA_SOURCE } from '../database/database.module';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';
import type { VonageSettings } from '../vonage/vonage-settings';
import { VONAGE_SETTINGS } from '../vonage/vonage.tokens';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SECRET = 'vonage-signature-secret-for-account-tests-0123';
const POLITE = 'This line is not in service at the moment.';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run account -- …` in a process of its own, with exactly this environment (and PATH). */
function account(env: Record<string, string>, args: readonly string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['-r', './tools/ts-run.cjs', 'tools/account.ts', ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

/** A signed answer webhook for a call to `e164`: the NCCO's spoken texts. */
async function answerTexts(gateway: GatewayHarness, e164: string): Promise<string[]> {
  const rawQuery = new URLSearchParams(
    answerPayload({ to: e164.slice(1), uuid: `uuid-${uniqueName('call')}` }),
  ).toString();
  const authorization = signVonageWebhook({ secret: SECRET, issuedAt: Date.now(), rawQuery });
  const response = await fetch(`${gateway.url}/vonage/answer?${rawQuery}`, { headers: { authorization } });
  expect(response.status).toBe(200);
  const ncco = (await response.json()) as { action: string; text?: string }[];
  return ncco.map((action) => (action.action === 'talk' ? action.text! : action.action));
}

/** Asks until `check` holds, for `ms` at most; the last answer otherwise. */
async function within<T>(
  ms: number,
  ask: () => Promise<T>,
  check: (value: T) => boolean,
): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await ask();
    if (check(value) || Date.now() - started > ms) return { value, ms: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { role } } }';
const WHO = '{ hotlines(first: 5) { edges { node { id number } } } }';

function accountCommandScenario(
  backend: string,
  setUp: () => Promise<{ gateway: GatewayHarness; env: Record<string, string>; followMs: number }>,
) {
  describe(`npm run account on ${backend}`, () => {
    let gateway: GatewayHarness;
    let env: Record<string, string>;
    let followMs: number;
    const email = `admin-${uniqueName('acme').replace(/_/g, '-')}@acme.example`;
    const number = `+3314${String(Date.now() % 10_000_000).padStart(7, '0')}`;
    let accountId = '';

    beforeAll(async () => {
      ({ gateway, env, followMs } = await setUp());
    });
    afterAll(async () => {
      if (accountId) await account(env, ['delete', accountId, '--yes']);
      await gateway?.close();
      if (env?.DATA_DIR && !env.DATA_DIR.startsWith(gateway.config.dataDir))
        fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
    });

    it('opens an account, disables, enables, exports and deletes it, as the gateway sees it', async () => {
      const created = await account(env, [
        'create',
        '--name',
        'Acme Facilities',
        '--admin-email',
        email,
        '--admin-name',
        'Chloé Petit',
      ]);
      expect(created).toMatchObject({ code: 0, stderr: '' });
      accountId = /^Account: (\S+)$/m.exec(created.stdout)![1];
      const password = /^Admin password: (\S+)$/m.exec(created.stdout)![1];
      expect(password.length).toBeGreaterThanOrEqual(20);

      // The admin signs in with the printed password, creates a hotline and an API key.
      const login = await gateway.graphql(LOGIN, { email, password });
      expect(login.body.data.login.user.role).toBe('ADMIN');
      const token: string = login.body.data.login.token;
      const hotline = await gateway.graphql(
        'mutation($input: CreateHotlineInput!) { createHotline(input: $input) { id number } }',
        { input: { name: 'Front desk', number, timeZone: 'Europe/Paris' } },
        { token },
      );
      expect(hotline.body.data.createHotline.number).toBe(number);
      const key = await gateway.graphql(
        'mutation { createApiKey(input: { name: "integration", role: ADMIN }) { key } }',
        {},
        { token },
      );
      const apiKey: string = key.body.data.createApiKey.key;
      expect((await gateway.graphql(WHO, {}, { token: apiKey })).body.data.hotlines.edges).toHaveLength(1);
      expect(await answerTexts(gateway, number)).not.toContain(POLITE);

      // The same e-mail, whatever its case, cannot open a second account.
      const twice = await account(env, ['create', '--name', 'Acme again', '--admin-email', email.toUpperCase()]);
      expect(twice).toMatchObject({ code: 1, stdout: '' });
      expect(twice.stderr).toContain('already signs in to an account: choose another --admin-email');

      const listed = await account(env, ['list']);
      expect(listed.stdout).toMatch(new RegExp(`^${accountId}\\s+Acme Facilities\\s+\\S+Z\\s+1\\s+1\\s+-$`, 'm'));

      // Disabled: keys and login tokens refused on their next request, logins refused, callers told politely.
      const disabled = await account(env, ['disable', accountId]);
      expect(disabled).toMatchObject({ code: 0, stderr: '' });
      expect(disabled.stdout).toContain(`Account ${accountId} disabled`);
      for (const credential of [apiKey, token]) {
        const refused = await gateway.graphql(WHO, {}, { token: credential });
        expect(refused.body.errors?.[0]).toMatchObject({
          message: 'This account is disabled.',
          extensions: { code: 'UNAUTHENTICATED' },
        });
      }
      expect((await gateway.graphql(LOGIN, { email, password })).body.errors?.[0].extensions?.code).toBe(
        'ACCOUNT_DISABLED',
      );
      const polite = await within(
        followMs,
        () => answerTexts(gateway, number),
        (texts) => texts.includes(POLITE),
      );
      expect(polite.value).toEqual([POLITE]);
      expect((await account(env, ['list'])).stdout).toMatch(
        new RegExp(`^${accountId}\\s.*\\s\\d{4}-\\d\\d-\\d\\dT\\S+Z$`, 'm'),
      );

      // Enabled again: everything works as before.
      expect(await account(env, ['enable', accountId])).toMatchObject({ code: 0 });
      expect((await gateway.graphql(WHO, {}, { token: apiKey })).body.data.hotlines.edges).toHaveLength(1);
      expect((await gateway.graphql(WHO, {}, { token })).body.data.hotlines.edges).toHaveLength(1);
      const routed = await within(
        followMs,
        () => answerTexts(gateway, number),
        (texts) => !texts.includes(POLITE),
      );
      expect(routed.value).not.toContain(POLITE);

      // The export: the account's data, no secret.
      const exported = await account(env, ['export', accountId]);
      expect(exported.code).toBe(0);
      const document = JSON.parse(exported.stdout);
      expect(document).toMatchObject({
        version: 1,
        account: { id: accountId, name: 'Acme Facilities', disabledAt: null },
        users: [{ email, name: 'Chloé Petit', role: 'admin' }],
        apiKeys: [
          { name: 'integration', role: 'admin', prefix: apiKey.slice(0, API_KEY_PREFIX_LENGTH), revokedAt: null },
        ],
        hotlines: [
          { name: 'Front desk', number, timeZone: 'Europe/Paris', schedule: { version: 0, slots: [] }, overrides: [] },
        ],
        people: [],
        teams: [],
        patterns: [],
      });
      expect(exported.stdout).not.toContain(apiKey);
      expect(exported.stdout).not.toMatch(/scrypt|passwordHash|"hash"/);

      // Deleting wants --yes; then nothing of the account is left in any table.
      const unconfirmed = await account(env, ['delete', accountId]);
      expect(unconfirmed).toMatchObject({ code: 1, stdout: '' });
      expect(unconfirmed.stderr).toContain('add --yes');
      expect(await account(env, ['delete', accountId, '--yes'])).toMatchObject({ code: 0, stderr: '' });
      const dataSource = gateway.app.get<DataSource>(DATA_SOURCE);
      for (const table of accountTablesChildrenFirst(dataSource)) {
        expect([
          table,
          Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE account_id = ?`, [accountId]))[0].n),
        ]).toEqual([table, 0]);
      }
      expect(
        Number((await dataSource.query('SELECT COUNT(*) AS n FROM accounts WHERE id = ?', [accountId]))[0].n),
      ).toBe(0);
      expect((await gateway.graphql(WHO, {}, { token: apiKey })).body.errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      expect(await account(env, ['disable', accountId])).toMatchObject({
        code: 1,
        stderr: expect.stringContaining(`No account has the id "${accountId}"`),
      });
      accountId = '';
    });
  });
}

const signedWebhooks = (builder: Parameters<NonNullable<Parameters<typeof startGateway>[0]['override']>>[0]) => {
  const settings: VonageSettings = {
    publicUrl: 'https://dutyline.example.com',
    signatures: { verify: true, secret: SECRET, apiKey: null },
    ringbackToneUrl: null,
  };
  return builder.overrideProvider(VONAGE_SETTINGS).useValue(settings);
};

// The embedded default: one gateway, no Redis; it re-reads an account's state every 2 s.
accountCommandScenario('SQLite', async () => {
  const gateway = await startGateway({ database: 'sqlite', override: signedWebhooks });
  return { gateway, env: { DATA_DIR: gateway.config.dataDir }, followMs: 3000 };
});

// Production: MariaDB, and the command announces its changes to the gateways over Redis.
describeWithMariaDb('on MariaDB with Redis', () => {
  accountCommandScenario('MariaDB', async () => {
    const redis = { REDIS_URL: redisUrl(), REDIS_PREFIX: uniqueName('account-command') };
    const gateway = await startGateway({ database: 'mariadb', env: redis, override: signedWebhooks });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'account-command-'));
    return { gateway, env: { DATABASE_URL: mariadbUrl(), DATA_DIR: dataDir, ...redis }, followMs: 500 };
  });
});
