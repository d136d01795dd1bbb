/**
 * Sign-in and sessions against real gateways: parallel wrong logins stay within the limit (in
 * process and on Redis), sign-out and password, role or user changes end sessions at once (SQLite,
 * MariaDB, and across two instances on one MariaDB and one Redis), and old password hashes are
 * upgraded at sign-in.
 */
import { describeWithMariaDb, describeWithRedis, redisUrl, uniqueName } from '@dutyline/test-support';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../database/database.module';
import { ACCOUNT_REPOSITORY } from '../database/repository.tokens';
import { type GatewayHarness, type GraphQLAnswer, type TestAccount, startGateway } from '../testing/gateway-harness';
import { PASSWORD_HASHER } from './auth.tokens';
import { PasswordHasher } from './password-hasher';

const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }';
const ME = '{ me { user { id } role } }';
const SIGN_OUT = 'mutation { signOut }';
const CHANGE_PASSWORD =
  'mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { token user { id } } }';
const SET_ROLE = 'mutation($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id role } }';

const codesOf = (answer: GraphQLAnswer) => (answer.body.errors ?? []).map((e) => e.extensions?.code);

/** The harness's cheap hasher, counting the password checks that reach it; each takes 50 ms, as a real one takes its time. */
class CountingHasher extends PasswordHasher {
  verifications = 0;
  override async verify(password: string, stored: string): Promise<boolean> {
    this.verifications += 1;
    await new Promise((resolve) => setTimeout(resolve, 50));
    return super.verify(password, stored);
  }
}

const countingGateway = (env: Record<string, string> = {}) => {
  const hasher = new CountingHasher({ N: 2 ** 10, r: 8, p: 1 });
  const started = startGateway({
    database: 'sqlite',
    env,
    override: (builder) => builder.overrideProvider(PASSWORD_HASHER).useValue(hasher),
  });
  return { hasher, started };
};

async function parallelWrongLogins(gateway: GatewayHarness, hasher: CountingHasher) {
  const { users } = await gateway.newAccount();
  const answers = await Promise.all(
    Array.from({ length: 39 }, (_, i) =>
      gateway.graphql(LOGIN, { email: users.admin.email, password: `wrong-password-${i}` }),
    ),
  );
  const codes = answers.map((answer) => codesOf(answer)[0]);
  expect(hasher.verifications).toBe(5);
  expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(5);
  expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(34);
  // The right password waits too, and is not checked either.
  expect(codesOf(await gateway.graphql(LOGIN, { email: users.admin.email, password: users.admin.password }))).toEqual([
    'TOO_MANY_REQUESTS',
  ]);
  expect(hasher.verifications).toBe(5);
}

describe('39 wrong logins in parallel: at most 5 reach the password check', () => {
  it('with the in-process limiter', async () => {
    const { hasher, started } = countingGateway();
    const gateway = await started;
    try {
      await parallelWrongLogins(gateway, hasher);
    } finally {
      await gateway.close();
    }
  });

  describeWithRedis('on Redis', () => {
    it('with the Redis limiter (a fresh key prefix)', async () => {
      const prefix = uniqueName('login-race');
      const { hasher, started } = countingGateway({ REDIS_URL: redisUrl(), REDIS_PREFIX: prefix });
      const gateway = await started;
      const redis = new Redis(redisUrl());
      try {
        await parallelWrongLogins(gateway, hasher);
      } finally {
        await gateway.close();
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
        await redis.quit();
      }
    });
  });

  it('a success forgets the attempts: four wrong, one right, then five more are heard', async () => {
    const { hasher, started } = countingGateway();
    const gateway = await started;
    try {
      const { users } = await gateway.newAccount();
      for (let i = 0; i < 4; i++)
        await gateway.graphql(LOGIN, { email: users.member.email, password: `wrong-password-${i}` });
      expect(
        codesOf(await gateway.graphql(LOGIN, { email: users.member.email, password: users.member.password })),
      ).toEqual([]);
      const next = await Promise.all(
        Array.from({ length: 6 }, () =>
          gateway.graphql(LOGIN, { email: users.member.email, password: 'wrong-password-x' }),
        ),
      );
      expect(next.map((answer) => codesOf(answer)[0]).sort()).toEqual([
        ...Array(5).fill('INVALID_CREDENTIALS'),
        'TOO_MANY_REQUESTS',
      ]);
      expect(hasher.verifications).toBe(10);
    } finally {
      await gateway.close();
    }
  });
});

describe('password hashes stored at an older cost', () => {
  it('a 2^15 hash is upgraded to 2^17 at the next successful sign-in, and the new hash opens the next one', async () => {
    const gateway = await startGateway({
      database: 'sqlite',
      override: (builder) => builder.overrideProvider(PASSWORD_HASHER).useValue(new PasswordHasher()),
    });
    try {
      const { accountId, users } = await gateway.newAccount();
      const accounts = gateway.app.get(ACCOUNT_REPOSITORY);
      const stored = (await accounts.user(accountId, users.member.id))!;
      const former = await new PasswordHasher({ N: 2 ** 15, r: 8, p: 1 }).hash(users.member.password);
      await accounts.saveUser({ ...stored, passwordHash: former });

      expect(
        codesOf(await gateway.graphql(LOGIN, { email: users.member.email, password: users.member.password })),
      ).toEqual([]);
      const upgraded = (await accounts.user(accountId, users.member.id))!.passwordHash;
      expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(
        codesOf(await gateway.graphql(LOGIN, { email: users.member.email, password: users.member.password })),
      ).toEqual([]);
      expect((await accounts.user(accountId, users.member.id))!.passwordHash).toBe(upgraded);
    } finally {
      await gateway.close();
    }
  });
});

function sessionsOn(database: 'sqlite' | 'mariadb') {
  let gateway: GatewayHarness;
  let account: TestAccount;
  beforeAll(async () => {
    gateway = await startGateway({ database });
  });
  beforeEach(async () => {
    account = await gateway.newAccount();
  });
  afterAll(async () => gateway?.close());

  const login = async (role: 'admin' | 'supervisor' | 'member', password = account.users[role].password) => {
    const answer = await gateway.graphql(LOGIN, { email: account.users[role].email, password });
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data.login.token as string;
  };
  const meAs = async (token: string) => codesOf(await gateway.graphql(ME, {}, { token }));

  it("signOut ends the token sent, from the next request on; the user's other sessions go on", async () => {
    const [token, other] = [await login('member'), await login('member')];
    expect(await meAs(token)).toEqual([]);
    const signedOut = await gateway.graphql(SIGN_OUT, {}, { token });
    expect(signedOut.body).toEqual({ data: { signOut: true } });
    expect(await meAs(token)).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await gateway.graphql(SIGN_OUT, {}, { token }))).toEqual(['UNAUTHENTICATED']);
    expect(await meAs(other)).toEqual([]);
  });

  it('signOut with an API key is refused with LOGIN_TOKEN_REQUIRED, and the key keeps working', async () => {
    const answer = await gateway.graphql(SIGN_OUT, {}, { token: account.apiKey });
    expect(answer.body.errors?.[0].extensions).toEqual(
      expect.objectContaining({ code: 'LOGIN_TOKEN_REQUIRED', field: 'authorization' }),
    );
    expect(await meAs(account.apiKey)).toEqual([]);
  });

  it("changePassword ends every session of the user, the caller's included, and hands back a token that works", async () => {
    const [current, other] = [await login('member'), await login('member')];
    const someoneElse = await login('supervisor');
    const next = 'a-brand-new-password-42';
    const changed = await gateway.graphql(
      CHANGE_PASSWORD,
      { current: account.users.member.password, next },
      { token: current },
    );
    expect(changed.body.errors).toBeUndefined();
    const fresh = changed.body.data.changePassword.token as string;

    expect([await meAs(current), await meAs(other), await meAs(account.tokens.member)]).toEqual([
      ['UNAUTHENTICATED'],
      ['UNAUTHENTICATED'],
      ['UNAUTHENTICATED'],
    ]);
    expect([await meAs(fresh), await meAs(someoneElse)]).toEqual([[], []]);
    expect(
      codesOf(
        await gateway.graphql(LOGIN, { email: account.users.member.email, password: account.users.member.password }),
      ),
    ).toEqual(['INVALID_CREDENTIALS']);
    expect(await meAs(await login('member', next))).toEqual([]);
  });

  it.each([
    [
      'a wrong current password',
      { current: 'not-the-password-0', next: 'a-brand-new-password-42' },
      'INVALID_CREDENTIALS',
      'currentPassword',
    ],
    ['a weak new password', { current: 'member-password-123', next: 'short' }, 'WEAK_PASSWORD', 'newPassword'],
  ])('changePassword refuses %s, naming the field, and the session goes on', async (_name, variables, code, field) => {
    const token = await login('member');
    const answer = await gateway.graphql(CHANGE_PASSWORD, variables, { token });
    expect(answer.body.errors?.[0].extensions).toEqual(expect.objectContaining({ code, field }));
    expect(await meAs(token)).toEqual([]);
  });

  it("a role change ends every session of that user, not the admin's", async () => {
    const supervisor = await login('supervisor');
    const changed = await gateway.graphql(
      SET_ROLE,
      { userId: account.users.supervisor.id, role: 'MEMBER' },
      { token: account.tokens.admin },
    );
    expect(changed.body.errors).toBeUndefined();
    expect([await meAs(supervisor), await meAs(account.tokens.supervisor), await meAs(account.tokens.admin)]).toEqual([
      ['UNAUTHENTICATED'],
      ['UNAUTHENTICATED'],
      [],
    ]);
    expect(codesOf(await gateway.graphql(ME, {}, { token: await login('supervisor') }))).toEqual([]);
  });

  it("a deleted user's tokens are refused at once", async () => {
    const token = await login('member');
    await gateway.app
      .get<DataSource>(DATA_SOURCE)
      .query('DELETE FROM users WHERE account_id = ? AND id = ?', [account.accountId, account.users.member.id]);
    expect(await meAs(token)).toEqual(['UNAUTHENTICATED']);
  });
}

describe('sessions on SQLite', () => sessionsOn('sqlite'));
describeWithMariaDb('sessions on MariaDB', () => sessionsOn('mariadb'));

describeWithMariaDb('sessions across two gateways on one MariaDB and one Redis', () => {
  describeWithRedis('with REDIS_URL', () => {
    it('a sign-out on A, then a password change on A, are refused on B from the next request', async () => {
      const env = { REDIS_URL: redisUrl(), REDIS_PREFIX: uniqueName('sessions') };
      const [a, b] = [
        await startGateway({ database: 'mariadb', env }),
        await startGateway({ database: 'mariadb', env }),
      ];
      const redis = new Redis(redisUrl());
      try {
        const { users } = await a.newAccount();
        const loginOn = async (gateway: GatewayHarness, password = users.admin.password) =>
          (await gateway.graphql(LOGIN, { email: users.admin.email, password })).body.data.login.token as string;
        const [signedOut, kept] = [await loginOn(a), await loginOn(b)];
        expect(codesOf(await b.graphql(ME, {}, { token: signedOut }))).toEqual([]);

        expect((await a.graphql(SIGN_OUT, {}, { token: signedOut })).body.data).toEqual({ signOut: true });
        expect(codesOf(await b.graphql(ME, {}, { token: signedOut }))).toEqual(['UNAUTHENTICATED']);
        expect(codesOf(await b.graphql(ME, {}, { token: kept }))).toEqual([]);

        const changed = await a.graphql(
          CHANGE_PASSWORD,
          { current: users.admin.password, next: 'another-new-password-7' },
          { token: await loginOn(a) },
        );
        expect(codesOf(await b.graphql(ME, {}, { token: kept }))).toEqual(['UNAUTHENTICATED']);
        expect(codesOf(await b.graphql(ME, {}, { token: changed.body.data.changePassword.token }))).toEqual([]);
      } finally {
        await a.close();
        await b.close();
        const keys = await redis.keys(`${env.REDIS_PREFIX}:*`);
        if (keys.length > 0) await redis.del(...keys);
        await redis.quit();
      }
    });
  });
});
