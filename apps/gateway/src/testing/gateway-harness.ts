import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import type { ActiveCalls } from '@dutyline/application';
import { EmailAddress, type Id, type Role } from '@dutyline/domain';
import { deleteAccount } from '@dutyline/persistence';
import { mariadbUrl, uniqueName } from '@dutyline/test-support';
import { AppModule } from '../app.module';
import type { AccessTokens } from '../auth/access-tokens';
import { ACCESS_TOKENS, PASSWORD_HASHER } from '../auth/auth.tokens';
import { issueApiKey } from '../auth/api-key-secret';
import { PasswordHasher } from '../auth/password-hasher';
import { type Environment, type GatewayConfig, readGatewayConfig } from '../config/gateway-config';
import { DATA_SOURCE } from '../database/database.module';
import { ACCOUNT_REPOSITORY, API_KEY_REPOSITORY } from '../database/repository.tokens';
import type { DataSource } from 'typeorm';
import { ACTIVE_CALLS } from '../cluster/cluster.tokens';
import { configureGatewayApp } from '../gateway-app';
import { JsonLogger } from '../logging/json-logger';

export const TEST_AUTH_SECRET = 'gateway-tests-secret-0123456789abcdef';
/** Cheap scrypt for tests (the production cost is checked in password-hasher.spec.ts). */
export const fastPasswordHasher = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 });

export interface StartOptions {
  /** `mariadb`: the real server of @dutyline/test-support; `sqlite`: a file in a fresh folder. */
  readonly database: 'sqlite' | 'mariadb';
  /** More environment (LOGIN_MAX_FAILURES, GRAPHQL_MAX_DEPTH, DATABASE_URL…). */
  readonly env?: Environment;
  /** Replace providers before the app is built (a slow probe, a ManualClock…). */
  readonly override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /** More modules, e.g. one providing a `@DemoSeed` step. */
  readonly imports?: ModuleMetadata['imports'];
  /**
   * Whether the cap on simultaneous calls per person applies (the cluster's `ACTIVE_CALLS`). Off by
   * default: a spec shares one gateway between its tests, which leave calls connected, and a person held
   * by one test would be skipped in the next. @defaultValue false
   */
  readonly callCap?: boolean;
}

/** Nobody is ever on a call: no person is skipped for the cap. */
const NOBODY_ON_A_CALL: ActiveCalls = {
  hold: async () => undefined,
  release: async () => undefined,
  counts: async () => new Map(),
};

export interface GraphQLAnswer {
  readonly status: number;
  readonly headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: { data?: any; errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[] };
}

export interface TestAccount {
  readonly accountId: Id;
  /** Login tokens of one user per role. */
  readonly tokens: Readonly<Record<Role, string>>;
  readonly users: Readonly<Record<Role, { readonly id: Id; readonly email: string; readonly password: string }>>;
  /** An admin API key. */
  readonly apiKey: string;
}

/** A gateway listening on 127.0.0.1 at a free port, with helpers to call it over HTTP. */
export interface GatewayHarness {
  readonly app: INestApplication;
  readonly config: GatewayConfig;
  readonly url: string;
  /** Every log line written, parsed. */
  readonly logs: Record<string, unknown>[];
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLAnswer>;
  get(pathname: string, headers?: Record<string, string>): Promise<Response>;
  /**
   * A fresh account (own tenant) with an admin, a supervisor and a member, and an admin API key. On the
   * shared MariaDB test database it is deleted with every row of it on `close` (a SQLite file goes
   * with its folder; a database a test names itself is its own to clean).
   */
  newAccount(): Promise<TestAccount>;
  close(): Promise<void>;
}

export async function startGateway(options: StartOptions): Promise<GatewayHarness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-test-'));
  const env: Environment = {
    PORT: '0',
    DATA_DIR: dataDir,
    AUTH_SECRET: TEST_AUTH_SECRET,
    DEMO_SEED: 'false',
    // The notification jobs (gap checks of every hotline in the database included) run only where a test asks.
    EMBEDDED_JOBS: 'false',
    // A call's write waits up to 1 s (production: 150 ms), so a loaded machine does not send a test's calls to the
    // journal, after which the call log lags behind the webhooks; the suites about the journal set their own.
    CALL_STORE_BUDGET_MS: '1000',
    // Likewise planning an answer may take 3 s (production: 800 ms) before the plan known before is used: under
    // load a call right after a settings change was routed on the old one. The fault suites set 800.
    CALL_ANSWER_BUDGET_MS: '3000',
    ...(options.database === 'mariadb' ? { DATABASE_URL: mariadbUrl() } : {}),
    ...options.env,
  };
  const config = readGatewayConfig(env, { cwd: dataDir, generatedSecret: () => TEST_AUTH_SECRET });
  const logs: Record<string, unknown>[] = [];
  const logger = new JsonLogger('debug', (line) => logs.push(JSON.parse(line)));
  let builder = Test.createTestingModule({ imports: [AppModule.register(config, logger), ...(options.imports ?? [])] })
    .overrideProvider(PASSWORD_HASHER)
    .useValue(fastPasswordHasher);
  if (!options.callCap) builder = builder.overrideProvider(ACTIVE_CALLS).useValue(NOBODY_ON_A_CALL);
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.compile();
  const app = configureGatewayApp(moduleRef.createNestApplication({ logger }), config, logger);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${address.port}`;

  const graphql: GatewayHarness['graphql'] = async (query, variables?, call = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
        ...call.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as GraphQLAnswer['body'],
    };
  };

  const created: Id[] = [];
  const newAccount = async (): Promise<TestAccount> => {
    const accounts = app.get(ACCOUNT_REPOSITORY);
    const tokens = app.get<AccessTokens>(ACCESS_TOKENS);
    const accountId = uniqueName('acc');
    created.push(accountId);
    await accounts.createAccount({ id: accountId, name: `Test ${accountId}`, createdAt: Date.now() });
    const users = {} as Record<Role, { id: Id; email: string; password: string }>;
    const issued = {} as Record<Role, string>;
    for (const role of ['admin', 'supervisor', 'member'] as const) {
      const user = {
        id: `${role}-${accountId}`.slice(0, 64),
        email: `${role}@${accountId.replace(/_/g, '-')}.example`,
        password: `${role}-password-123`,
      };
      await accounts.saveUser({
        id: user.id,
        accountId,
        email: EmailAddress.parse(user.email),
        name: `The ${role}`,
        role,
        passwordHash: await fastPasswordHasher.hash(user.password),
        createdAt: Date.now(),
      });
      users[role] = user;
      issued[role] = tokens.issue({ userId: user.id, accountId, role }).token;
    }
    const key = issueApiKey();
    await app.get(API_KEY_REPOSITORY).createApiKey({
      id: `key-${accountId}`.slice(0, 64),
      accountId,
      name: 'test key',
      prefix: key.prefix,
      hash: key.hash,
      role: 'admin',
      createdAt: Date.now(),
      revokedAt: null,
      lastUsedAt: null,
    });
    return { accountId, tokens: issued, users, apiKey: key.key };
  };

  return {
    app,
    config,
    url,
    logs,
    graphql,
    get: (pathname, headers) => fetch(`${url}${pathname}`, { headers }),
    newAccount,
    close: async () => {
      if (options.database === 'mariadb' && !options.env?.DATABASE_URL) {
        for (const accountId of created.splice(0)) await deleteAccount(app.get<DataSource>(DATA_SOURCE), accountId);
      }
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
