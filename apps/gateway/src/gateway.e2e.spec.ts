import { describeWithMariaDb } from '@dutyline/test-support';
import { type GatewayHarness, type GraphQLAnswer, type TestAccount, startGateway } from './testing/gateway-harness';
import { MAX_GRAPHQL_BODY_BYTES } from './graphql/graphql-body';

// HTTP round trips against real databases, in parallel with every other suite.
jest.setTimeout(30_000);

const ME = '{ me { role account { id } user { id email } apiKey { id name } } }';
const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt user { id role } } }';
const CREATE_KEY =
  'mutation($name: String!, $role: Role!) { createApiKey(input: { name: $name, role: $role }) { key apiKey { id prefix role } } }';
const REVOKE_KEY = 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id email role } }';
const SET_ROLE = 'mutation($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id role } }';
const AUDIT =
  '{ auditLog(first: 50) { edges { node { action entityType entityId actor { kind id } before after } } } }';

const codesOf = (answer: GraphQLAnswer) => (answer.body.errors ?? []).map((e) => e.extensions?.code);
const firstError = (answer: GraphQLAnswer) => answer.body.errors?.[0];

/** Error answers never are 500s and never carry a stack. */
function expectCleanError(answer: GraphQLAnswer) {
  expect(answer.status).not.toBe(500);
  expect(answer.body.errors?.length).toBeGreaterThan(0);
  expect(JSON.stringify(answer.body)).not.toMatch(/stacktrace|\n\s+at |\.ts:\d+/);
}

function gatewayOver(database: 'sqlite' | 'mariadb') {
  let gateway: GatewayHarness;
  let a: TestAccount;
  let b: TestAccount;

  beforeAll(async () => {
    gateway = await startGateway({ database });
    [a, b] = [await gateway.newAccount(), await gateway.newAccount()];
  }, 60_000);
  afterAll(() => gateway?.close());

  describe('health and request ids', () => {
    it('answers /health and /ready with 200 JSON', async () => {
      const health = await gateway.get('/health');
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const ready = await gateway.get('/ready');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'up' });
    });

    it('echoes a given x-request-id, makes one up otherwise, and logs one line per request', async () => {
      const given = await gateway.graphql(
        ME,
        {},
        { token: a.tokens.member, headers: { 'x-request-id': 'trace-42.a:b' } },
      );
      expect(given.headers.get('x-request-id')).toBe('trace-42.a:b');
      const made = await gateway.get('/health');
      expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const refused = await gateway.get('/health', { 'x-request-id': 'has spaces and <html>' });
      expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const line = gateway.logs.find((l) => l.msg === 'request' && l.requestId === 'trace-42.a:b');
      expect(line).toMatchObject({
        level: 'info',
        method: 'POST',
        path: '/graphql',
        operation: 'query (anonymous)',
        status: 200,
      });
      expect(typeof line?.durationMs).toBe('number');
    });
  });

  describe('login', () => {
    it('returns a token that authenticates as the user', async () => {
      const login = await gateway.graphql(LOGIN, {
        email: a.users.supervisor.email,
        password: a.users.supervisor.password,
      });
      expect(login.body.errors).toBeUndefined();
      expect(login.body.data.login.user).toEqual({ id: a.users.supervisor.id, role: 'SUPERVISOR' });
      expect(Date.parse(login.body.data.login.expiresAt)).toBeGreaterThan(Date.now() + 11 * 3600_000);
      const me = await gateway.graphql(ME, {}, { token: login.body.data.login.token });
      expect(me.body.data.me).toEqual({
        role: 'SUPERVISOR',
        account: { id: a.accountId },
        user: { id: a.users.supervisor.id, email: a.users.supervisor.email },
        apiKey: null,
      });
    });

    it.each([
      ['a wrong password', (acc: TestAccount) => ({ email: acc.users.admin.email, password: 'wrong-password-1' })],
      ['an unknown e-mail', () => ({ email: 'nobody@nowhere.example', password: 'wrong-password-1' })],
    ])('refuses %s with INVALID_CREDENTIALS', async (_name, credentials) => {
      const answer = await gateway.graphql(LOGIN, credentials(a));
      expectCleanError(answer);
      expect(codesOf(answer)).toEqual(['INVALID_CREDENTIALS']);
      expect(answer.body.data).toBeNull();
    });

    it('blocks an e-mail after 5 failures from one address, even with the right password, and says when to retry', async () => {
      const { email, password } = b.users.member;
      for (let i = 0; i < 5; i++)
        expect(codesOf(await gateway.graphql(LOGIN, { email, password: `wrong-${i}-password` }))).toEqual([
          'INVALID_CREDENTIALS',
        ]);
      const blocked = await gateway.graphql(LOGIN, { email, password });
      expectCleanError(blocked);
      expect(firstError(blocked)?.extensions).toEqual({
        code: 'TOO_MANY_REQUESTS',
        details: { retryAfterSeconds: expect.any(Number) },
      });
      expect(firstError(blocked)?.extensions?.details.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
      // Another e-mail from the same address is not affected.
      expect(
        codesOf(await gateway.graphql(LOGIN, { email: b.users.admin.email, password: b.users.admin.password })),
      ).toEqual([]);
    });
  });

  describe('credentials', () => {
    it.each([
      ['no Authorization header', undefined, {}],
      ['a tampered token', 'x', {}],
      ['an unknown API key', undefined, { authorization: 'Bearer dl_notakeyatallnotakeyatallnotakeyatall00000' }],
      ['a malformed header', undefined, { authorization: 'Basic dXNlcjpwYXNz' }],
    ])('refuses %s with UNAUTHENTICATED', async (_name, tamper, headers) => {
      const token = tamper ? `${a.tokens.admin.slice(0, -2)}${tamper}${tamper}` : undefined;
      const answer = await gateway.graphql(ME, {}, { token, headers });
      expectCleanError(answer);
      expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
    });

    it('authenticates API keys, shows a new key once, refuses it once revoked, and records the last use', async () => {
      const created = await gateway.graphql(CREATE_KEY, { name: 'PBX', role: 'SUPERVISOR' }, { token: a.apiKey });
      expect(created.body.errors).toBeUndefined();
      const { key, apiKey } = created.body.data.createApiKey;
      expect(key.startsWith(apiKey.prefix)).toBe(true);
      const me = await gateway.graphql(ME, {}, { token: key });
      expect(me.body.data.me).toEqual({
        role: 'SUPERVISOR',
        account: { id: a.accountId },
        user: null,
        apiKey: { id: apiKey.id, name: 'PBX' },
      });
      const listed = await gateway.graphql(
        '{ apiKeys { id prefix lastUsedAt revokedAt } }',
        {},
        { token: a.tokens.admin },
      );
      const entry = listed.body.data.apiKeys.find((k: { id: string }) => k.id === apiKey.id);
      expect(entry).toMatchObject({ prefix: apiKey.prefix, revokedAt: null });
      expect(Date.parse(entry.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(JSON.stringify(listed.body)).not.toContain(key);

      const revoked = await gateway.graphql(REVOKE_KEY, { id: apiKey.id }, { token: a.tokens.admin });
      expect(revoked.body.data.revokeApiKey.revokedAt).toEqual(expect.any(String));
      const refused = await gateway.graphql(ME, {}, { token: key });
      expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('roles', () => {
    it.each([
      [
        'a member',
        'member',
        CREATE_USER,
        { input: { email: 'x@y.example', name: 'X', role: 'MEMBER', password: 'long-enough-pw' } },
      ],
      [
        'a supervisor',
        'supervisor',
        CREATE_USER,
        { input: { email: 'x@y.example', name: 'X', role: 'MEMBER', password: 'long-enough-pw' } },
      ],
      ['a member', 'member', CREATE_KEY, { name: 'k', role: 'MEMBER' }],
      ['a member', 'member', '{ users { edges { node { id } } } }', {}],
      ['a member', 'member', AUDIT, {}],
      ['a supervisor', 'supervisor', '{ apiKeys { id } }', {}],
    ] as const)('refuses %s (%s) with FORBIDDEN', async (_name, role, query, variables) => {
      const answer = await gateway.graphql(query, variables, { token: a.tokens[role] });
      expectCleanError(answer);
      expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    });

    it('lets members read and supervisors read the audit log', async () => {
      expect((await gateway.graphql(ME, {}, { token: a.tokens.member })).body.data.me.role).toBe('MEMBER');
      expect((await gateway.graphql(AUDIT, {}, { token: a.tokens.supervisor })).body.errors).toBeUndefined();
    });

    it('ends the sessions of a user whose role changes (the next login has the new role), and keeps one admin', async () => {
      // An account of its own: the member's sessions end here.
      const c = await gateway.newAccount();
      const promoted = await gateway.graphql(
        SET_ROLE,
        { userId: c.users.member.id, role: 'SUPERVISOR' },
        { token: c.tokens.admin },
      );
      expect(promoted.body.data.setUserRole).toEqual({ id: c.users.member.id, role: 'SUPERVISOR' });
      expect(codesOf(await gateway.graphql(ME, {}, { token: c.tokens.member }))).toEqual(['UNAUTHENTICATED']);
      const again = await gateway.graphql(LOGIN, { email: c.users.member.email, password: c.users.member.password });
      expect((await gateway.graphql(ME, {}, { token: again.body.data.login.token })).body.data.me.role).toBe(
        'SUPERVISOR',
      );

      const lastAdmin = await gateway.graphql(
        SET_ROLE,
        { userId: c.users.admin.id, role: 'MEMBER' },
        { token: c.apiKey },
      );
      expect(firstError(lastAdmin)?.extensions).toEqual({ code: 'LAST_ADMIN', field: 'role' });
    });
  });

  describe('users', () => {
    it('creates a user who can log in, once per e-mail, and audits it', async () => {
      const input = {
        email: `new-${a.accountId}@Example.ORG`.replace(/_/g, '-'),
        name: 'New one',
        role: 'MEMBER',
        password: 'a-long-password',
      };
      const created = await gateway.graphql(CREATE_USER, { input }, { token: a.tokens.admin });
      expect(created.body.data.createUser).toMatchObject({
        role: 'MEMBER',
        email: input.email.replace('Example.ORG', 'example.org'),
      });
      const login = await gateway.graphql(LOGIN, { email: input.email, password: input.password });
      expect(login.body.data.login.user.id).toBe(created.body.data.createUser.id);
      const again = await gateway.graphql(CREATE_USER, { input }, { token: a.tokens.admin });
      expect(firstError(again)?.extensions).toEqual({ code: 'EMAIL_TAKEN', field: 'input.email' });
      const audit = await gateway.graphql(AUDIT, {}, { token: a.tokens.admin });
      const entry = audit.body.data.auditLog.edges
        .map((e: { node: unknown }) => e.node)
        .find((n: { entityId: string }) => n.entityId === created.body.data.createUser.id);
      expect(entry).toMatchObject({
        action: 'user.created',
        entityType: 'user',
        actor: { kind: 'user', id: a.users.admin.id },
        before: null,
      });
      expect(JSON.stringify(entry.after)).not.toMatch(/scrypt|password/i);
    });

    it.each([
      [
        { email: 'not an email', name: 'X', role: 'MEMBER', password: 'a-long-password' },
        'INVALID_EMAIL',
        'input.email',
      ],
      [{ email: 'ok@x.example', name: '  ', role: 'MEMBER', password: 'a-long-password' }, 'REQUIRED', 'input.name'],
      [{ email: 'ok@x.example', name: 'X', role: 'MEMBER', password: 'short' }, 'WEAK_PASSWORD', 'input.password'],
    ])('refuses %j with %s at %s', async (input, code, field) => {
      const answer = await gateway.graphql(CREATE_USER, { input }, { token: a.tokens.admin });
      expectCleanError(answer);
      expect(firstError(answer)?.extensions).toEqual({ code, field });
    });
  });

  describe('tenant isolation', () => {
    it('treats ids of another account as not found, and changes nothing there', async () => {
      const role = await gateway.graphql(
        SET_ROLE,
        { userId: b.users.member.id, role: 'ADMIN' },
        { token: a.tokens.admin },
      );
      expect(firstError(role)?.extensions).toEqual({ code: 'NOT_FOUND', field: 'userId' });
      const bKeys = await gateway.graphql('{ apiKeys { id } }', {}, { token: b.tokens.admin });
      const revoke = await gateway.graphql(
        REVOKE_KEY,
        { id: bKeys.body.data.apiKeys[0].id },
        { token: a.tokens.admin },
      );
      expect(firstError(revoke)?.extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
      expect((await gateway.graphql(ME, {}, { token: b.apiKey })).body.data.me.account.id).toBe(b.accountId);
      expect((await gateway.graphql(ME, {}, { token: b.tokens.member })).body.data.me.role).toBe('MEMBER');
    });

    it("lists only the caller's users, keys and audit entries", async () => {
      const users = await gateway.graphql(
        '{ users(first: 100) { edges { node { id } } } }',
        {},
        { token: b.tokens.admin },
      );
      const ids = users.body.data.users.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids).toEqual(expect.arrayContaining([b.users.admin.id, b.users.member.id]));
      expect(ids.filter((id: string) => id.includes(a.accountId))).toEqual([]);
      const audit = await gateway.graphql(AUDIT, {}, { token: b.tokens.admin });
      expect(JSON.stringify(audit.body.data)).not.toContain(a.accountId);
    });
  });

  describe('bad input never yields a 500', () => {
    it.each([
      ['a malformed id', SET_ROLE, { userId: 'not an id!', role: 'ADMIN' }, { code: 'INVALID_ID', field: 'userId' }],
      [
        'a wrong type in a variable',
        SET_ROLE,
        { userId: 'u1', role: 'OWNER' },
        { code: 'BAD_USER_INPUT', field: 'role' },
      ],
      [
        'a wrong literal type',
        '{ users(first: "ten") { edges { cursor } } }',
        {},
        { code: 'BAD_USER_INPUT', field: 'first' },
      ],
      [
        'a missing argument',
        'mutation { setUserRole(role: ADMIN) { id } }',
        {},
        { code: 'BAD_USER_INPUT', field: 'userId' },
      ],
      [
        'a missing input field',
        'mutation { createUser(input: { email: "a@b.example", name: "A", role: MEMBER }) { id } }',
        {},
        { code: 'BAD_USER_INPUT', field: 'input.password' },
      ],
      [
        'a page too large',
        '{ users(first: 1000) { edges { cursor } } }',
        {},
        { code: 'INVALID_PAGE_SIZE', field: 'first' },
      ],
      [
        'a forged cursor',
        '{ users(after: "bm9wZQ") { edges { cursor } } }',
        {},
        { code: 'INVALID_CURSOR', field: 'after' },
      ],
      [
        'an impossible range',
        '{ auditLog(filter: { from: "2027-03-28T03:00:00+02:00", to: "2027-03-28T00:00:00Z" }) { edges { cursor } } }',
        {},
        { code: 'INVALID_RANGE', field: 'filter.to' },
      ],
      [
        'a malformed instant',
        'query($f: AuditLogFilterInput) { auditLog(filter: $f) { edges { cursor } } }',
        { f: { from: '2027-02-30T25:00:00Z' } },
        { code: 'INVALID_INSTANT', field: 'f.from' },
      ],
      ['a syntax error', '{ me { ', {}, { code: 'GRAPHQL_PARSE_FAILED' }],
      ['an unknown field', '{ me { password } }', {}, { code: 'GRAPHQL_VALIDATION_FAILED' }],
    ])('%s', async (_name, query, variables, extensions) => {
      const answer = await gateway.graphql(query, variables, { token: a.tokens.admin });
      expectCleanError(answer);
      expect(firstError(answer)?.extensions).toEqual(extensions);
    });

    it('takes a body up to the /graphql limit and answers 413 PAYLOAD_TOO_LARGE beyond it, with the request logged', async () => {
      // A body of exactly `size` bytes: `{"query":"{ me { role } }"}` is 27.
      const padded = (size: number) => JSON.stringify({ query: `{ me { role } }${' '.repeat(size - 27)}` });
      const large = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${a.tokens.member}` },
        body: padded(MAX_GRAPHQL_BODY_BYTES),
      });
      expect(await large.json()).toEqual({ data: { me: { role: 'MEMBER' } } });
      const tooLarge = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'too-large' },
        body: padded(MAX_GRAPHQL_BODY_BYTES + 1),
      });
      expect(tooLarge.status).toBe(413);
      expect(await tooLarge.json()).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
      });
      expect(gateway.logs.find((l) => l.requestId === 'too-large' && l.msg === 'request')).toMatchObject({
        status: 413,
      });
    });

    it('answers a body that is not JSON with a 400', async () => {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": ',
      });
      expect(response.status).toBe(400);
      expect(await response.text()).not.toMatch(/\n\s+at /);
    });
  });
}

describe('the gateway over HTTP on SQLite', () => gatewayOver('sqlite'));
describeWithMariaDb('the gateway over HTTP on MariaDB', () => gatewayOver('mariadb'));
